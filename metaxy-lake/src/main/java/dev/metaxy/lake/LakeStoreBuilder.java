package dev.metaxy.lake;

import dev.metaxy.duckdb.DuckDbMetadataStore;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.store.MetadataStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The options the storage-only (lake) stores' builders share: object-store options and the settings of the embedded
 * DuckDB store that computes over the tables (hash algorithm, by-field type, materialization id, fallback stores).
 * Tables are created on first write. {@code B} is the concrete builder.
 */
public abstract class LakeStoreBuilder<B extends LakeStoreBuilder<B>> {
    private final DuckDbMetadataStore.Builder duck;
    private Map<String, String> storageOptions = Map.of();
    private Map<String, String> environment = System.getenv();

    protected LakeStoreBuilder(FeatureGraph graph, HashAlgorithm defaultAlgorithm) {
        this.duck = DuckDbMetadataStore.builder(graph).hashAlgorithm(defaultAlgorithm).autoCreateTables(true);
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** Object-store options (delta-rs names such as {@code AWS_ENDPOINT_URL}, or raw {@code fs.s3a.*} keys). */
    public B storageOptions(Map<String, ?> options) {
        this.storageOptions = strings(options);
        return self();
    }

    /**
     * The environment variables object-store settings fall back to ({@code AWS_ACCESS_KEY_ID},
     * {@code AWS_ENDPOINT_URL}, ...; default: the process's). The AWS SDK system properties still win.
     */
    public B environment(Map<String, String> env) {
        this.environment = Map.copyOf(Objects.requireNonNull(env, "env"));
        return self();
    }

    public B hashAlgorithm(HashAlgorithm algorithm) {
        duck.hashAlgorithm(algorithm);
        return self();
    }

    public B enableMapDatatype(boolean enable) {
        duck.enableMapDatatype(enable);
        return self();
    }

    public B materializationId(String id) {
        duck.materializationId(id);
        return self();
    }

    public B fallbackStores(List<MetadataStore> stores) {
        duck.fallbackStores(stores);
        return self();
    }

    /** The settings of the computing DuckDB store. */
    protected final DuckDbMetadataStore.Builder duck() {
        return duck;
    }

    protected final Map<String, String> storageOptions() {
        return storageOptions;
    }

    /** The file system of the store's tables, configured by the storage options. */
    protected final LakeFileSystem fileSystem() {
        return LakeFileSystem.create(storageOptions, LakeFileSystem.withSystemProperties(environment));
    }

    /** The entries of {@code m} (none when null) with their values as strings, in order. */
    protected static Map<String, String> strings(Map<String, ?> m) {
        Map<String, String> out = new LinkedHashMap<>();
        if (m != null) {
            m.forEach((k, v) -> out.put(k, String.valueOf(v)));
        }
        return Map.copyOf(out);
    }
}
