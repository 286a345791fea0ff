package dev.metaxy.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The one local SparkSession of the module's tests (local[2], 4 shuffle partitions, no UI, Delta and Iceberg extensions): started on first use,
 * shared by every test class of the surefire JVM, stopped when the JVM exits.
 */
public final class SparkTestSession {
    private static SparkSession session;

    private SparkTestSession() {
    }

    public static synchronized SparkSession get() {
        if (session == null) {
            Map<String, String> conf = new LinkedHashMap<>();
            conf.put("spark.sql.shuffle.partitions", "4");
            conf.put("spark.default.parallelism", "2");
            conf.put("spark.ui.enabled", "false");
            conf.put("spark.ui.showConsoleProgress", "false");
            conf.put("spark.databricks.delta.snapshotPartitions", "2");
            // Tiny test data: interpreting expressions is far cheaper than compiling generated code for every plan.
            conf.put("spark.sql.codegen.wholeStage", "false");
            conf.put("spark.sql.codegen.factoryMode", "NO_CODEGEN");
            conf.put("spark.sql.adaptive.enabled", "false");
            // every query posts its plan text to the listener bus: keep that text short and cheap to build
            conf.put("spark.sql.ui.explainMode", "simple");
            conf.put("spark.sql.maxPlanStringLength", "2000");
            // thousands of tiny jobs per run: keep only a few in the status store
            conf.put("spark.ui.retainedJobs", "20");
            conf.put("spark.ui.retainedStages", "20");
            conf.put("spark.ui.retainedTasks", "200");
            conf.put("spark.sql.ui.retainedExecutions", "20");
            conf.put("spark.databricks.delta.stats.collect", "false");
            // no post-commit checksum (a state-reconstruction job per commit) and no commit-info history metrics
            conf.put("spark.databricks.delta.writeChecksumFile.enabled", "false");
            conf.put("spark.databricks.delta.history.metricsEnabled", "false");
            // Delta's and Iceberg's SQL extensions side by side: the Delta and the Iceberg tests share this session
            conf.put("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension,"
                + "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions");
            session = SparkSessions.getOrCreate("local[2]", conf, SparkMetadataStore.Format.DELTA);
            session.sparkContext().setLogLevel("WARN");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> session.stop()));
        }
        return session;
    }

    /**
     * Registers {@code catalog} on the shared session as an Iceberg catalog over {@code warehouse}, laid out as the
     * Iceberg store's (SQLite catalog at {@code <warehouse>/catalog.db}); catalog names are cached by Spark, so each
     * warehouse needs its own name.
     */
    public static SparkSession withIcebergCatalog(String catalog, java.nio.file.Path warehouse) {
        SparkSession s = get();
        SparkSessions.icebergCatalog(catalog, warehouse.toString(), "sql").forEach((k, v) -> s.conf().set(k, v));
        return s;
    }
}
