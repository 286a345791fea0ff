/**
 * The embedded DuckDB store (the default): its SQL dialect, Java hash UDFs, native tables or pluggable table
 * storage, and Parquet/CSV/JSON Lines file I/O.
 */
package dev.metaxy.duckdb;
