/**
 * {@code metaxy config print}.
 */
package dev.metaxy.cli.config;
