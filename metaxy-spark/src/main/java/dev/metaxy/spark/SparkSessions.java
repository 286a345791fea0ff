package dev.metaxy.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Builds (or joins) the SparkSession a store uses when it is not given one. Spark keeps one active session per JVM;
 * {@code getOrCreate} returns it when it exists, so stores of one process share it (and its start-up cost).
 */
public final class SparkSessions {
    private SparkSessions() {
    }

    /**
     * The settings a store adds unless {@code conf} sets them: Delta's SQL extension and catalog (format delta), UTC
     * as the session time zone, no UI in local mode.
     */
    public static Map<String, String> defaults(String master, SparkMetadataStore.Format format) {
        Map<String, String> d = new LinkedHashMap<>();
        if (format == SparkMetadataStore.Format.DELTA) {
            d.put("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension");
            d.put("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
        } else {
            d.put("spark.sql.extensions", "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions");
        }
        d.put("spark.sql.session.timeZone", "UTC");
        if (master != null && master.startsWith("local")) {
            d.put("spark.ui.enabled", "false");
            d.put("spark.sql.shuffle.partitions", "4");
            d.put("spark.driver.host", "127.0.0.1");
            d.put("spark.driver.bindAddress", "127.0.0.1");
        }
        return d;
    }

    /** The active session, or a new one with {@code master} and {@code conf} on top of {@link #defaults}. */
    public static SparkSession getOrCreate(String master, Map<String, String> conf, SparkMetadataStore.Format format) {
        SparkSession.Builder b = SparkSession.builder().appName("metaxy");
        if (master != null) {
            b = b.master(master);
        }
        Map<String, String> all = new LinkedHashMap<>(defaults(master, format));
        all.putAll(conf);
        for (Map.Entry<String, String> e : all.entrySet()) {
            b = b.config(e.getKey(), e.getValue());
        }
        return b.getOrCreate();
    }
}
