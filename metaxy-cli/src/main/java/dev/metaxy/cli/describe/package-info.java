/**
 * {@code metaxy describe features} and {@code metaxy describe graph}.
 */
package dev.metaxy.cli.describe;
