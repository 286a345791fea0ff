/**
 * {@code metaxy list features} and {@code metaxy list stores}.
 */
package dev.metaxy.cli.list;
