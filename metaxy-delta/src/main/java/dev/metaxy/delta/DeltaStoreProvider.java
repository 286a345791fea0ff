package dev.metaxy.delta;

import dev.metaxy.config.StoreOptions;
import dev.metaxy.config.StoreProvider;
import dev.metaxy.config.StoreSpec;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.store.MetadataStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Creates {@link DeltaMetadataStore}s from {@code [stores.<name>]} entries. Accepted {@code type} values:
 * {@code delta}, {@code DeltaMetadataStore}, {@code dev.metaxy.delta.DeltaMetadataStore} and the reference's
 * {@code metaxy.ext.polars.DeltaMetadataStore}, {@code metaxy.ext.polars.handlers.delta.DeltaMetadataStore}
 * (plus the deprecated {@code metaxy.ext.metadata_stores.delta.DeltaMetadataStore}).
 *
 * <p>Options: {@code root_path} (required; local path, {@code file://}, {@code ~}, or {@code s3://bucket/prefix}),
 * {@code storage_options} (table of object-store settings such as {@code AWS_ENDPOINT_URL}, {@code AWS_REGION},
 * {@code AWS_ACCESS_KEY_ID}; unset ones come from the configuration's environment, see
 * {@link dev.metaxy.lake.LakeFileSystem}), {@code layout} ({@code nested} default, or {@code flat}), {@code materialization_id},
 * {@code enable_map_datatype} (defaults to the top-level key), {@code auto_create_tables} (accepted; Delta tables are
 * always created on first write, as in the reference) and {@code delta_write_options} (accepted; every write is an
 * append with additive schema merging, the reference's defaults; other delta-rs writer options have no equivalent).
 */
public final class DeltaStoreProvider implements StoreProvider {
    private static final Set<String> TYPES = Set.of("delta", "DeltaMetadataStore", DeltaMetadataStore.class.getName(),
        "metaxy.ext.polars.DeltaMetadataStore", "metaxy.ext.polars.handlers.delta.DeltaMetadataStore",
        "metaxy.ext.metadata_stores.delta.DeltaMetadataStore");
    private static final Set<String> OPTIONS = Set.of("root_path", "storage_options", "layout", "delta_write_options",
        "materialization_id", "enable_map_datatype", "auto_create_tables");

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
        return DeltaMetadataStore.DEFAULT_HASH_ALGORITHM;
    }

    @Override
    public MetadataStore create(StoreSpec spec) {
        StoreOptions o = spec.options();
        DeltaMetadataStore.Layout layout;
        try {
            layout = DeltaMetadataStore.Layout.parse(o.string("layout").orElse("nested"));
        } catch (IllegalArgumentException e) {
            throw o.error("layout", "is invalid: " + e.getMessage());
        }
        o.table("delta_write_options").ifPresent(w -> {
            Object mode = w.get("mode");
            if (mode != null && !"append".equals(mode)) {
                throw o.error("delta_write_options", "sets mode '" + mode + "'; the metadata store only appends");
            }
        });
        Map<String, Object> storage = new LinkedHashMap<>(o.table("storage_options").orElse(Map.of()));
        return DeltaMetadataStore.builder(spec.graph(), o.requireString("root_path"))
            .layout(layout)
            .storageOptions(storage)
            .environment(spec.config().environment())
            .hashAlgorithm(spec.hashAlgorithm())
            .enableMapDatatype(o.bool("enable_map_datatype").orElse(spec.config().enableMapDatatype()))
            .materializationId(o.string("materialization_id").orElse(null))
            .fallbackStores(spec.fallbackStores())
            .build();
    }
}
