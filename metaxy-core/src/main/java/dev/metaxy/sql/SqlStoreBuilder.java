package dev.metaxy.sql;

import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.store.MetadataStore;
import java.util.List;
import java.util.Objects;

/**
 * The options every {@link SqlMetadataStore} builder has: hash algorithm, by-field column type, table creation on
 * first write, default materialization id, table prefix and fallback stores. {@code B} is the concrete builder.
 */
public abstract class SqlStoreBuilder<B extends SqlStoreBuilder<B>> {
    final FeatureGraph graph;
    HashAlgorithm hashAlgorithm;
    boolean mapDatatype;
    boolean autoCreateTables;
    String materializationId;
    String tablePrefix = "";
    List<MetadataStore> fallbackStores = List.of();

    /** A builder over {@code graph} hashing with {@code defaultAlgorithm} unless told otherwise. */
    protected SqlStoreBuilder(FeatureGraph graph, HashAlgorithm defaultAlgorithm) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.hashAlgorithm = defaultAlgorithm;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** The hash algorithm of provenance columns; a store refuses one its database cannot compute. */
    public B hashAlgorithm(HashAlgorithm algorithm) {
        this.hashAlgorithm = Objects.requireNonNull(algorithm, "algorithm");
        return self();
    }

    /** Returns (and, where the database has the type, stores) {@code *_by_field} columns as MAP instead of STRUCT. */
    public B enableMapDatatype(boolean enable) {
        this.mapDatatype = enable;
        return self();
    }

    /** Creates a feature's table on its first write (otherwise a missing table is an error). */
    public B autoCreateTables(boolean enable) {
        this.autoCreateTables = enable;
        return self();
    }

    /** The default {@code metaxy_materialization_id} of writes. */
    public B materializationId(String id) {
        this.materializationId = id;
        return self();
    }

    /** A prefix for every table name (system tables included). */
    public B tablePrefix(String prefix) {
        this.tablePrefix = prefix == null ? "" : prefix;
        return self();
    }

    /** Stores consulted, in order, for features this store has no table for. */
    public B fallbackStores(List<MetadataStore> stores) {
        this.fallbackStores = List.copyOf(stores);
        return self();
    }

    protected final boolean mapDatatype() {
        return mapDatatype;
    }

    protected final String tablePrefix() {
        return tablePrefix;
    }
}
