package dev.metaxy.iceberg;

import dev.metaxy.config.StoreOptions;
import dev.metaxy.config.StoreProvider;
import dev.metaxy.config.StoreSpec;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.store.MetadataStore;
import java.util.Map;
import java.util.Set;

/**
 * Creates {@link IcebergMetadataStore}s from {@code [stores.<name>]} entries. Accepted {@code type} values:
 * {@code iceberg}, {@code IcebergMetadataStore}, {@code dev.metaxy.iceberg.IcebergMetadataStore} and the reference's
 * {@code metaxy.ext.polars.IcebergMetadataStore}, {@code metaxy.ext.polars.handlers.iceberg.IcebergMetadataStore}
 * (plus the deprecated {@code metaxy.ext.metadata_stores.iceberg.IcebergMetadataStore}).
 *
 * <p>Options: {@code warehouse} (required; local path or {@code s3://bucket/prefix}), {@code namespace} (default
 * {@code metaxy}), {@code catalog_name} (default {@code metaxy}), {@code catalog_properties} (table; {@code type} =
 * {@code sql} (default: SQLite at {@code <warehouse>/catalog.db}) or {@code hadoop}, {@code uri} of the JDBC catalog
 * ({@code jdbc:sqlite:/...} or PyIceberg's {@code sqlite:////...}), other Iceberg catalog properties),
 * {@code auto_create_namespace} (default true), {@code storage_options} (object-store settings, as for Delta; unset ones come from the configuration's environment),
 * {@code materialization_id}, {@code enable_map_datatype} and {@code auto_create_tables} (accepted; tables are always
 * created on first write, as in the reference).
 */
public final class IcebergStoreProvider implements StoreProvider {
    private static final Set<String> TYPES = Set.of("iceberg", "IcebergMetadataStore", IcebergMetadataStore.class.getName(),
        "metaxy.ext.polars.IcebergMetadataStore", "metaxy.ext.polars.handlers.iceberg.IcebergMetadataStore",
        "metaxy.ext.metadata_stores.iceberg.IcebergMetadataStore");
    private static final Set<String> OPTIONS = Set.of("warehouse", "namespace", "catalog_name", "catalog_properties",
        "auto_create_namespace", "storage_options", "materialization_id", "enable_map_datatype", "auto_create_tables");

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
        return IcebergMetadataStore.DEFAULT_HASH_ALGORITHM;
    }

    @Override
    public MetadataStore create(StoreSpec spec) {
        StoreOptions o = spec.options();
        try {
            return IcebergMetadataStore.builder(spec.graph(), o.requireString("warehouse"))
                .namespace(o.string("namespace").orElse("metaxy"))
                .catalogName(o.string("catalog_name").orElse("metaxy"))
                .catalogProperties(o.table("catalog_properties").orElse(Map.of()))
                .autoCreateNamespace(o.bool("auto_create_namespace").orElse(true))
                .storageOptions(o.table("storage_options").orElse(Map.of()))
                .environment(spec.config().environment())
                .hashAlgorithm(spec.hashAlgorithm())
                .enableMapDatatype(o.bool("enable_map_datatype").orElse(spec.config().enableMapDatatype()))
                .materializationId(o.string("materialization_id").orElse(null))
                .fallbackStores(spec.fallbackStores())
                .build();
        } catch (IllegalArgumentException e) {
            throw o.error("catalog_properties", "is invalid: " + e.getMessage());
        }
    }
}
