/**
 * {@code metaxy graph render}.
 */
package dev.metaxy.cli.graph;
