/**
 * The Delta Lake store: one Delta table per feature written and read with Delta Kernel (local or {@code s3://}),
 * computed in embedded DuckDB.
 */
package dev.metaxy.delta;
