/**
 * {@code metaxy graph-diff render}.
 */
package dev.metaxy.cli.graphdiff;
