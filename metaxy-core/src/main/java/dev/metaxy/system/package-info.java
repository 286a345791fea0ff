/**
 * The system table {@code metaxy-system/feature_versions}: pushed graph snapshots, history and the definitions
 * recorded in it.
 */
package dev.metaxy.system;
