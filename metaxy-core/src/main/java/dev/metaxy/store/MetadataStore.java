package dev.metaxy.store;

import dev.metaxy.definition.FeatureKey;
import dev.metaxy.expr.Expression;
import dev.metaxy.frame.Frame;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import java.util.List;
import java.util.Map;

/**
 * Where feature metadata lives: one append-only table per feature, read back de-duplicated (latest row per
 * sample wins), with increments computed inside the store. Features are referenced by {@link FeatureKey},
 * {@code "a/b"} string, list of parts, spec or Java feature class.
 *
 * <pre>{@code
 * try (MetadataStore s = store.open(AccessMode.WRITE)) {
 *     try (Increment inc = s.resolveUpdate("video/crop")) { ... compute ... s.write("video/crop", result); }
 * }
 * }</pre>
 */
public interface MetadataStore extends AutoCloseable {

    /** Opens (or re-enters) the store in {@code mode}; {@link #close()} leaves that level. Returns this store. */
    MetadataStore open(AccessMode mode);

    /** Leaves the innermost open level; the outermost close releases connections and files. */
    @Override
    void close();

    boolean isOpen();

    /** The access mode of the innermost open level ({@code READ} when closed). */
    AccessMode mode();

    /** The feature graph whose versions this store writes and resolves against. */
    FeatureGraph graph();

    HashAlgorithm hashAlgorithm();

    /** A short description such as {@code DuckDBMetadataStore(database=/tmp/x.duckdb)}. */
    String display();

    /** Appends rows of a feature, filling system columns. Requires write mode. Nothing is written on error. */
    void write(Object feature, Frame frame, WriteOptions options);

    default void write(Object feature, Frame frame) {
        write(feature, frame, WriteOptions.defaults());
    }

    /** Convenience: appends rows given as maps ({@code *_by_field} values as {@code Map<String,String>}). */
    default void write(Object feature, List<? extends Map<String, ?>> rows) {
        try (Frame f = Frame.fromRows(rows)) {
            write(feature, f, WriteOptions.defaults());
        }
    }

    /** Writes several features, dependents before their dependencies. */
    void writeMulti(Map<?, Frame> frames, WriteOptions options);

    /** The latest live row per sample of the current feature version (see {@link ReadOptions}). */
    LazyFrame read(Object feature, ReadOptions options);

    default LazyFrame read(Object feature) {
        return read(feature, ReadOptions.defaults());
    }

    /**
     * As {@link #read}, also returning the store the rows came from (reference {@code read(..., with_store_info=True)}):
     * this store when it has the feature's table, else the fallback store (at any depth) that had it.
     */
    StoreRead readWithStoreInfo(Object feature, ReadOptions options);

    /**
     * The columns and types {@code read(feature)} returns from this store's own table (no fallbacks), without reading
     * rows (reference {@code read_feature_schema_from_store}). Fails with {@link FeatureNotInStoreException} when this
     * store has no table for the feature.
     */
    org.apache.arrow.vector.types.pojo.Schema readFeatureSchemaFromStore(Object feature);

    /**
     * The provenance columns of {@code feature} for rows whose upstream the caller joined itself (reference
     * {@code compute_provenance}): {@code joined} holds, for every dependency, its {@code metaxy_data_version_by_field}
     * renamed to {@code metaxy_data_version_by_field__<upstream table name>} (STRUCT or MAP). Returns the rows with
     * {@code metaxy_provenance_by_field}, {@code metaxy_provenance}, {@code metaxy_data_version_by_field} and
     * {@code metaxy_data_version} computed as {@link #resolveUpdate} computes them; the renamed upstream by-field and
     * provenance columns are dropped, other columns kept. Pass the result as resolve samples or write it. Nothing is
     * written.
     *
     * @throws IllegalArgumentException when a renamed upstream column is missing
     */
    LazyFrame computeProvenance(Object feature, dev.metaxy.frame.Frame joined);

    /** The increment of a feature, computed inside the store; parts are engine-side queries. */
    LazyIncrement resolveUpdateLazy(Object feature, ResolveOptions options);

    /** The increment of a feature, collected. */
    default Increment resolveUpdate(Object feature, ResolveOptions options) {
        return resolveUpdateLazy(feature, options).collect();
    }

    default Increment resolveUpdate(Object feature) {
        return resolveUpdate(feature, ResolveOptions.defaults());
    }

    /**
     * Deletes the rows matching {@code filter} (null = all rows of the scope): soft by default (tombstones appended),
     * or hard (rows physically removed). Returns the number of samples tombstoned or rows removed.
     */
    long delete(Object feature, Expression filter, DeleteOptions options);

    /**
     * Carries rows of an older feature version over to {@code toFeatureVersion} (null: the current version) without
     * recomputation: provenance is recomputed from the target version's upstream, user data versions are kept.
     * Returns the rebased rows; write them with {@link WriteOptions#preservingFeatureVersion()}. Nothing is written.
     */
    LazyFrame rebase(Object feature, Frame frame, String toFeatureVersion);

    /** Removes the whole table of a feature. Requires write mode. */
    void dropFeatureMetadata(Object feature);

    /** Whether this store (not its fallbacks) has a table for the feature. */
    boolean hasFeature(Object feature);

    /** The fallback stores consulted, in order, when this store lacks a feature's table (empty when none). */
    default List<MetadataStore> fallbackStores() {
        return List.of();
    }

    /** The name the store has in the configuration ({@code [stores.<name>]}), when it was created from one. */
    default java.util.Optional<String> name() {
        return java.util.Optional.empty();
    }

    /**
     * The store holding the feature's table (reference {@code find_store_for_feature}): this store when it has one,
     * else (with {@code checkFallback}) the first fallback, depth-first through each fallback's own chain, opened on
     * demand; empty when none has it.
     */
    java.util.Optional<MetadataStore> findStoreForFeature(Object feature, boolean checkFallback);

    default java.util.Optional<MetadataStore> findStoreForFeature(Object feature) {
        return findStoreForFeature(feature, true);
    }

    /** This store's name, class, display and where it keeps the feature (reference {@code get_store_info}). */
    StoreInfo storeInfo(Object feature);

    /**
     * This store's name and display, and the {@link StoreInfo} of the store where the feature was found (reference
     * {@code get_store_metadata}).
     */
    default StoreMetadata storeMetadata(Object feature, boolean checkFallback) {
        java.util.Optional<MetadataStore> found = findStoreForFeature(feature, checkFallback);
        return new StoreMetadata(name(), display(), found.map(s -> s.storeInfo(feature)));
    }

    default StoreMetadata storeMetadata(Object feature) {
        return storeMetadata(feature, true);
    }

    /**
     * Copies metadata of {@code features} (null: every non-external feature of this store's graph) from {@code source}
     * into this store, keeping the stored feature versions (reference {@code copy_metadata}). This store must be open
     * for writing and {@code source} open. See {@link MetadataCopy}.
     */
    default CopyResult copyMetadata(MetadataStore source, List<?> features, CopyOptions options) {
        return new MetadataCopy(source, this).copy(features, options);
    }

    /** Keys of the features that have a table in this store. */
    List<FeatureKey> listFeatures();

    /** Appends rows to a system table ({@code metaxy-system/...}) as they are: no validation, no system columns. */
    void appendSystemRows(FeatureKey systemKey, Frame rows);

    /** All rows of a system table, or empty when the table does not exist. Never consults fallbacks. */
    java.util.Optional<Frame> readSystemRows(FeatureKey systemKey);
}
