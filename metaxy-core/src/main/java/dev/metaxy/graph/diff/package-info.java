/**
 * The difference between two pushed graph snapshots and its text and Mermaid renderings ({@code metaxy graph-diff
 * render}).
 */
package dev.metaxy.graph.diff;
