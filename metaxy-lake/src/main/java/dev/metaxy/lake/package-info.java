/**
 * What the storage-only stores (Delta Lake, Iceberg) share: a table is a snapshot's live Parquet files, read and
 * written by DuckDB, staged from object stores through Hadoop S3A.
 */
package dev.metaxy.lake;
