/**
 * The Iceberg store: one Iceberg table per feature (iceberg-core, JDBC or Hadoop catalogs, local or {@code
 * s3://}), computed in embedded DuckDB.
 */
package dev.metaxy.iceberg;
