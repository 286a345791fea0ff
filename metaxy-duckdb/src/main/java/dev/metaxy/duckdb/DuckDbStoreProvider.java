package dev.metaxy.duckdb;

import dev.metaxy.config.StoreOptions;
import dev.metaxy.config.StoreProvider;
import dev.metaxy.config.StoreSpec;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.store.MetadataStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Creates {@link DuckDbMetadataStore}s from {@code [stores.<name>]} entries. Accepted {@code type} values:
 * {@code duckdb}, {@code DuckDbMetadataStore}, {@code dev.metaxy.duckdb.DuckDbMetadataStore}, and the reference's
 * {@code metaxy.ext.duckdb.DuckDBMetadataStore} (plus its module aliases).
 *
 * <p>Options: {@code database} (required; {@code :memory:} or a file path, relative paths resolving against the
 * working directory exactly as in Python), {@code hash_algorithm} (default xxhash32), {@code enable_map_datatype} and
 * {@code auto_create_tables} (defaulting to the top-level keys), {@code table_prefix}, {@code materialization_id},
 * {@code config} (DuckDB settings passed to the connection, e.g. {@code threads}) and {@code extensions}. The JVM
 * driver cannot download extensions, so {@code extensions} may only name the statically linked {@code core_functions},
 * {@code icu}, {@code json}, {@code parquet}, and {@code hashfuncs} (whose xxhash functions the store provides as Java
 * UDFs); any other extension, and {@code ducklake}, is rejected with an explanation.
 */
public final class DuckDbStoreProvider implements StoreProvider {
    private static final Set<String> TYPES = Set.of("duckdb", "DuckDbMetadataStore", DuckDbMetadataStore.class.getName(),
        "DuckDBMetadataStore", "metaxy.ext.duckdb.DuckDBMetadataStore", "metaxy.ext.duckdb.metadata_store.DuckDBMetadataStore",
        "metaxy.ext.metadata_stores.duckdb.DuckDBMetadataStore", "metaxy.metadata_store.duckdb.DuckDBMetadataStore");
    private static final Set<String> OPTIONS = Set.of("database", "enable_map_datatype", "auto_create_tables", "table_prefix",
        "materialization_id", "config", "extensions", "ducklake");
    private static final Set<String> BUILT_IN_EXTENSIONS = Set.of("core_functions", "icu", "json", "parquet", "hashfuncs");

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
        return DuckDbMetadataStore.DEFAULT_HASH_ALGORITHM;
    }

    @Override
    public MetadataStore create(StoreSpec spec) {
        StoreOptions o = spec.options();
        if (o.has("ducklake")) {
            throw o.error("ducklake", "is not supported by the JVM DuckDB store (the ducklake extension cannot be loaded by the embedded driver)");
        }
        checkExtensions(o);
        Map<String, String> settings = new LinkedHashMap<>();
        o.table("config").ifPresent(t -> t.forEach((k, v) -> settings.put(k, String.valueOf(v))));
        return DuckDbMetadataStore.builder(spec.graph())
            .database(o.requireString("database"))
            .hashAlgorithm(spec.hashAlgorithm())
            .enableMapDatatype(o.bool("enable_map_datatype").orElse(spec.config().enableMapDatatype()))
            .autoCreateTables(o.bool("auto_create_tables").orElse(spec.config().autoCreateTables()))
            .tablePrefix(o.string("table_prefix").orElse(""))
            .materializationId(o.string("materialization_id").orElse(null))
            .connectionConfig(settings)
            .fallbackStores(spec.fallbackStores())
            .build();
    }

    private static void checkExtensions(StoreOptions o) {
        List<?> extensions = o.raw("extensions").map(v -> v instanceof String ? o.stringList("extensions").orElseThrow() : v)
            .map(v -> v instanceof List<?> l ? l : List.of(v)).orElse(List.of());
        for (Object e : extensions) {
            Object name = e instanceof Map<?, ?> m ? m.get("name") : e;
            if (!(name instanceof String s)) {
                throw o.error("extensions", "entries must be extension names or tables with a 'name', got " + e);
            }
            if (!BUILT_IN_EXTENSIONS.contains(s)) {
                throw o.error("extensions", "names '" + s + "', which the JVM DuckDB store cannot load (extensions cannot be "
                    + "downloaded by the embedded driver; available: core_functions, hashfuncs, icu, json, parquet)");
            }
        }
    }
}
