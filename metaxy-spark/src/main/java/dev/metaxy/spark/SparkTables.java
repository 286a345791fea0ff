package dev.metaxy.spark;

import dev.metaxy.definition.FeatureKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Where and how feature tables live for the Spark store: Delta tables under a root path (the Delta store's nested or
 * flat layout, metadata-store §11.6) or Iceberg tables {@code catalog.namespace.a__b} in a Spark catalog (§11.7).
 */
abstract class SparkTables {
    protected final SparkDialect dialect;

    SparkTables(SparkDialect dialect) {
        this.dialect = dialect;
    }

    /** The format name, {@code delta} or {@code iceberg}. */
    abstract String format();

    /** Whether the table of {@code table} (a table name for the key) exists. */
    abstract boolean exists(SparkSession spark, FeatureKey key, String tableName);

    /** Text usable after FROM in Spark SQL. */
    abstract String reference(FeatureKey key, String tableName);

    /** Appends rows (creating the table when missing), adding new columns. */
    abstract void append(SparkSession spark, FeatureKey key, String tableName, Dataset<Row> rows, boolean exists);

    /** Physically deletes the rows matching {@code condition} (Spark SQL over unqualified columns). */
    abstract void delete(SparkSession spark, FeatureKey key, String tableName, String condition);

    /** Removes the table entirely; a missing table is a no-op. */
    abstract void drop(SparkSession spark, FeatureKey key, String tableName);

    /** Text for {@code display()}, e.g. {@code path=/data/metaxy}. */
    abstract String location();

    /** Store info: where one feature's table is. */
    abstract String uri(FeatureKey key, String tableName);

    // ------------------------------------------------------------------ Delta

    /** Delta tables under a root path; {@code <root>/a/b.delta} (nested) or {@code <root>/a__b.delta} (flat). */
    static final class Delta extends SparkTables {
        private final String root;
        private final boolean nested;
        private final Map<String, String> writeOptions;

        Delta(SparkDialect dialect, String root, boolean nested, Map<String, String> writeOptions) {
            super(dialect);
            this.root = root.endsWith("/") && root.length() > 1 ? root.substring(0, root.length() - 1) : root;
            this.nested = nested;
            this.writeOptions = Map.copyOf(writeOptions);
        }

        @Override
        String format() {
            return "delta";
        }

        String path(FeatureKey key, String tableName) {
            return root + "/" + (nested ? String.join("/", key.parts()) : tableName) + ".delta";
        }

        @Override
        boolean exists(SparkSession spark, FeatureKey key, String tableName) {
            Path log = new Path(path(key, tableName), "_delta_log");
            try {
                FileSystem fs = log.getFileSystem(spark.sparkContext().hadoopConfiguration());
                if (!fs.exists(log)) {
                    return false;
                }
                var files = fs.listStatus(log);
                for (var f : files) {
                    if (f.getPath().getName().endsWith(".json") || f.getPath().getName().endsWith(".checkpoint.parquet")) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        String reference(FeatureKey key, String tableName) {
            return "delta." + dialect.quoteIdentifier(path(key, tableName));
        }

        /**
         * Appends with Delta's optimistic commit. A commit that loses to a concurrent one Delta cannot reconcile itself
         * (writers racing to create the table: "protocol changed"; a concurrent schema change) commits nothing, so
         * the append runs again on the latest version, up to {@value #COMMIT_ATTEMPTS} attempts with a short random
         * back-off; then it fails saying nothing was committed.
         */
        @Override
        void append(SparkSession spark, FeatureKey key, String tableName, Dataset<Row> rows, boolean exists) {
            for (int attempt = 1; ; attempt++) {
                var writer = rows.write().format("delta").mode("append").option("mergeSchema", "true");
                for (var e : writeOptions.entrySet()) {
                    writer = writer.option(e.getKey(), e.getValue());
                }
                try {
                    writer.save(path(key, tableName));
                    return;
                } catch (RuntimeException e) {
                    if (!isConcurrentCommit(e)) {
                        throw e;
                    }
                    if (attempt >= COMMIT_ATTEMPTS) {
                        throw new dev.metaxy.store.MetadataStoreException("Could not commit the append to Delta table "
                            + path(key, tableName) + ": " + attempt + " attempts lost to concurrent commits; nothing was committed", e);
                    }
                    try {
                        Thread.sleep(5 + java.util.concurrent.ThreadLocalRandom.current().nextInt(10 * Math.min(attempt, 10)));
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        throw e;
                    }
                }
            }
        }

        private static final int COMMIT_ATTEMPTS = 25;

        private static boolean isConcurrentCommit(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof org.apache.spark.sql.delta.DeltaConcurrentModificationException) {
                    return true;
                }
            }
            return false;
        }

        @Override
        void delete(SparkSession spark, FeatureKey key, String tableName, String condition) {
            spark.sql("DELETE FROM " + reference(key, tableName) + (condition == null ? "" : " WHERE " + condition)).collectAsList();
        }

        @Override
        void drop(SparkSession spark, FeatureKey key, String tableName) {
            Path dir = new Path(path(key, tableName));
            try {
                FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
                if (fs.exists(dir)) {
                    fs.delete(dir, true);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        String location() {
            return "path=" + root;
        }

        @Override
        String uri(FeatureKey key, String tableName) {
            return path(key, tableName);
        }
    }

    // ------------------------------------------------------------------ Iceberg

    /**
     * Iceberg tables {@code catalog.namespace.a__b} in a Spark catalog: Iceberg's {@code SparkCatalog}, configured by
     * the user's session or by {@link SparkSessions#icebergCatalog} over the Iceberg store's warehouse. Needs Iceberg's
     * Spark runtime for the cluster's Spark ({@code iceberg-spark-runtime-4.1_2.13}).
     */
    static final class Iceberg extends SparkTables {
        private final String catalog;
        private final String namespace;

        Iceberg(SparkDialect dialect, String catalog, String namespace) {
            super(dialect);
            this.catalog = catalog;
            this.namespace = namespace;
        }

        @Override
        String format() {
            return "iceberg";
        }

        @Override
        boolean exists(SparkSession spark, FeatureKey key, String tableName) {
            return spark.catalog().tableExists(reference(key, tableName));
        }

        @Override
        String reference(FeatureKey key, String tableName) {
            return dialect.quoteIdentifier(catalog) + "." + dialect.quoteIdentifier(namespace) + "." + dialect.quoteIdentifier(tableName);
        }

        @Override
        void append(SparkSession spark, FeatureKey key, String tableName, Dataset<Row> rows, boolean exists) {
            String ref = reference(key, tableName);
            if (!exists) {
                spark.sql("CREATE NAMESPACE IF NOT EXISTS " + dialect.quoteIdentifier(catalog) + "." + dialect.quoteIdentifier(namespace));
                try {
                    rows.writeTo(ref).using("iceberg").tableProperty("write.spark.accept-any-schema", "true").create();
                    return;
                } catch (Exception e) {
                    if (!exists(spark, key, tableName)) {
                        throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
                    }
                }
            }
            try {
                rows.writeTo(ref).option("mergeSchema", "true").append();
            } catch (Exception e) {
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
        }

        @Override
        void delete(SparkSession spark, FeatureKey key, String tableName, String condition) {
            spark.sql("DELETE FROM " + reference(key, tableName) + (condition == null ? "" : " WHERE " + condition)).collectAsList();
        }

        @Override
        void drop(SparkSession spark, FeatureKey key, String tableName) {
            spark.sql("DROP TABLE IF EXISTS " + reference(key, tableName) + " PURGE");
        }

        @Override
        String location() {
            return "catalog=" + catalog + ", namespace=" + namespace;
        }

        @Override
        String uri(FeatureKey key, String tableName) {
            return catalog + "." + namespace + "." + tableName;
        }
    }
}
