/**
 * Renders a feature graph as a tree, cards, Mermaid or Graphviz ({@code metaxy graph render}).
 */
package dev.metaxy.graph.render;
