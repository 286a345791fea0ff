package dev.metaxy.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * An increment as Spark Datasets: distributed plans for the new, stale and orphaned samples. Nothing is computed
 * until the caller runs an action (write, count, collect) on a part.
 */
public record SparkIncrement(Dataset<Row> newSamples, Dataset<Row> stale, Dataset<Row> orphaned) {
}
