/**
 * The Spark store: Delta or Iceberg feature tables through a SparkSession, with reads and increments as Spark SQL
 * plans.
 */
package dev.metaxy.spark;
