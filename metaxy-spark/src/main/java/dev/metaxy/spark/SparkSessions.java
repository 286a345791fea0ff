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

    /**
     * Spark settings that make {@code catalog} an Iceberg catalog over {@code warehouse} laid out as the Iceberg store's
     * (metadata-store §11.7): {@code sql} (default) is a JDBC catalog in SQLite at {@code <warehouse>/catalog.db}
     * (needs sqlite-jdbc on the classpath), {@code hadoop} a file-system catalog. Remote warehouses need {@code hadoop}
     * or a catalog configured through {@code spark_conf}. A local warehouse directory is created (as the Iceberg store
     * creates it on open), since SQLite cannot create the catalog file in a missing directory. The catalog does not
     * cache tables, so commits by other writers are seen by the next read.
     */
    public static Map<String, String> icebergCatalog(String catalog, String warehouse, String type) {
        String t = type.toLowerCase(java.util.Locale.ROOT);
        boolean remote = warehouse.contains("://") && !warehouse.startsWith("file:");
        String local = warehouse.startsWith("file://") ? warehouse.substring("file://".length()) : warehouse;
        String location = remote ? warehouse : java.nio.file.Path.of(local).toAbsolutePath().normalize().toString();
        String prefix = "spark.sql.catalog." + catalog;
        Map<String, String> c = new LinkedHashMap<>();
        c.put(prefix, "org.apache.iceberg.spark.SparkCatalog");
        switch (t) {
            case "hadoop" -> c.put(prefix + ".type", "hadoop");
            case "sql", "jdbc" -> {
                if (remote) {
                    throw new IllegalArgumentException("The Iceberg warehouse " + warehouse + " is remote: use catalog_type = 'hadoop' "
                        + "or configure the catalog in spark_conf");
                }
                try {
                    java.nio.file.Files.createDirectories(java.nio.file.Path.of(location));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("Cannot create the Iceberg warehouse " + location, e);
                }
                c.put(prefix + ".type", "jdbc");
                c.put(prefix + ".uri", "jdbc:sqlite:" + java.nio.file.Path.of(location).resolve("catalog.db"));
                c.put(prefix + ".jdbc.schema-version", "V1");
            }
            default -> throw new IllegalArgumentException("Unsupported Iceberg catalog type '" + type + "' (use 'sql' or 'hadoop')");
        }
        c.put(prefix + ".warehouse", remote ? location : "file:" + location);
        // other writers (the Iceberg store, other jobs) commit to these tables: always read the current snapshot
        c.put(prefix + ".cache-enabled", "false");
        return c;
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
