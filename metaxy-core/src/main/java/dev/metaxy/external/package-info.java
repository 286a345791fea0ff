/**
 * Features of other projects: syncing their definitions from a store's snapshots, the {@code metaxy.lock} file in
 * Python's format, and {@code metaxy lock}.
 */
package dev.metaxy.external;
