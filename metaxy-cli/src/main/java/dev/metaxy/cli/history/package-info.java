/**
 * {@code metaxy history}.
 */
package dev.metaxy.cli.history;
