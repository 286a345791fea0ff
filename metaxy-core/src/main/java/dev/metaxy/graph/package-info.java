/**
 * The feature graph: registration (features defined here win over external placeholders), validation, topological
 * order, lineage queries.
 */
package dev.metaxy.graph;
