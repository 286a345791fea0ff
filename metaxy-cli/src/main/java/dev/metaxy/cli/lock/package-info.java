/**
 * {@code metaxy lock}.
 */
package dev.metaxy.cli.lock;
