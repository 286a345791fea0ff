package dev.metaxy.spark;

import dev.metaxy.config.StoreOptions;
import dev.metaxy.config.StoreProvider;
import dev.metaxy.config.StoreSpec;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.store.MetadataStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Creates {@link SparkMetadataStore}s from {@code [stores.<name>]} entries with {@code type = "spark"} (or the Java
 * class names).
 *
 * <p>Options: {@code format} ({@code delta}, the default, or {@code iceberg}); for Delta {@code root_path} (required;
 * local path or Hadoop URI such as {@code s3a://bucket/prefix}), {@code layout} ({@code nested}/{@code flat}) and
 * {@code delta_write_options}; for Iceberg {@code catalog} (the Spark catalog name, default {@code metaxy}),
 * {@code namespace} (default {@code metaxy}) and {@code warehouse} (when given, the catalog is configured over that directory as the
 * Iceberg store's, unless {@code spark_conf} configures it) and {@code catalog_type} ({@code sql}, the default: SQLite
 * at {@code <warehouse>/catalog.db}, or {@code hadoop}); {@code master} (e.g.
 * {@code local[2]}; leave it out under spark-submit), {@code spark_conf} (a table of Spark settings for the session
 * the store starts), plus {@code enable_map_datatype}, {@code auto_create_tables} (default true, as the reference
 * Delta and Iceberg stores) and {@code materialization_id}. Default hash algorithm: xxhash32.
 */
public final class SparkStoreProvider implements StoreProvider {
    private static final Set<String> TYPES = Set.of("spark", "SparkMetadataStore", SparkMetadataStore.class.getName());
    private static final Set<String> OPTIONS = Set.of("format", "root_path", "layout", "delta_write_options", "catalog",
        "namespace", "warehouse", "catalog_type", "master", "spark_conf", "enable_map_datatype", "auto_create_tables", "materialization_id");

    @Override
    public Set<String> typeNames() {
        return TYPES;
    }

    @Override
    public Set<String> optionNames() {
        return OPTIONS;
    }

    @Override
    public HashAlgorithm defaultHashAlgorithm() {
        return SparkMetadataStore.DEFAULT_HASH_ALGORITHM;
    }

    @Override
    public MetadataStore create(StoreSpec spec) {
        StoreOptions o = spec.options();
        SparkMetadataStore.Format format;
        try {
            format = SparkMetadataStore.Format.parse(o.string("format").orElse("delta"));
        } catch (IllegalArgumentException e) {
            throw o.error("format", "is invalid: " + e.getMessage());
        }
        Map<String, String> conf = new LinkedHashMap<>();
        o.table("spark_conf").ifPresent(t -> t.forEach((k, v) -> conf.put(k, String.valueOf(v))));
        SparkMetadataStore.Builder b = SparkMetadataStore.builder(spec.graph())
            .format(format)
            .master(o.string("master").orElse(null))
            .hashAlgorithm(spec.hashAlgorithm())
            .enableMapDatatype(o.bool("enable_map_datatype").orElse(spec.config().enableMapDatatype()))
            .autoCreateTables(o.bool("auto_create_tables").orElse(true))
            .materializationId(o.string("materialization_id").orElse(null))
            .fallbackStores(spec.fallbackStores());
        if (format == SparkMetadataStore.Format.DELTA) {
            b.rootPath(o.requireString("root_path"));
            try {
                b.layout(o.string("layout").orElse("nested"));
            } catch (IllegalArgumentException e) {
                throw o.error("layout", "is invalid: " + e.getMessage());
            }
            Map<String, String> writeOptions = new LinkedHashMap<>();
            o.table("delta_write_options").ifPresent(t -> t.forEach((k, v) -> writeOptions.put(k, String.valueOf(v))));
            try {
                b.deltaWriteOptions(writeOptions);
            } catch (IllegalArgumentException e) {
                throw o.error("delta_write_options", e.getMessage().replace("delta_write_options ", ""));
            }
        } else {
            String catalog = o.string("catalog").orElse("metaxy");
            b.catalog(catalog).namespace(o.string("namespace").orElse("metaxy"));
            String type = o.string("catalog_type").orElse("sql");
            o.string("warehouse").ifPresent(w -> {
                if (!conf.containsKey("spark.sql.catalog." + catalog)) {
                    try {
                        conf.putAll(SparkSessions.icebergCatalog(catalog, w, type));
                    } catch (IllegalArgumentException e) {
                        throw o.error("catalog_type", "is invalid: " + e.getMessage());
                    }
                }
            });
        }
        b.sparkConf(conf);
        return b.build();
    }
}
