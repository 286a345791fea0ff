package dev.metaxy.delta;

import dev.metaxy.duckdb.DuckDbMetadataStore;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.lake.LakeFileSystem;
import dev.metaxy.lake.LakeStoreBuilder;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The storage-only Delta Lake metadata store (Python Metaxy's {@code DeltaMetadataStore}): one Delta table per
 * feature under {@code root_path}, laid out {@code <root>/<part1>/<part2>.delta} (nested, default) or
 * {@code <root>/<part1>__<part2>.delta} (flat), system tables included ({@code metaxy-system/feature_versions.delta}).
 *
 * <p><b>Storage.</b> Tables are created, appended to and rewritten with Delta Kernel (no Spark): every write is one
 * Parquet file committed as a new table version, so a concurrent reader always sees a complete version. Hard
 * deletes rewrite the affected files and commit removes plus adds (copy-on-write, no deletion vectors);
 * {@code dropFeatureMetadata} removes all rows but keeps the table, as the reference does.
 *
 * <p><b>Compute.</b> Reads, {@code resolve_update}, deletes and rebases run in an embedded in-memory DuckDB over
 * {@code read_parquet([...])} of the live files of the table's latest snapshot; whole tables are never loaded into
 * the JVM. For local roots DuckDB reads the files in place.
 *
 * <p><b>Object stores.</b> {@code root_path = "s3://bucket/prefix"} works through Hadoop S3A (AWS SDK v2), configured
 * by {@code storage_options} or the usual AWS environment variables (see {@link LakeFileSystem}). The DuckDB
 * build used here has no httpfs extension, so it cannot read {@code s3://} itself: the snapshot's Parquet files are
 * downloaded into a per-open local cache (keyed by path and size, so unchanged files are fetched once per open
 * store), and writes are produced by DuckDB {@code COPY} into a local Parquet file, uploaded, then committed.
 */
public final class DeltaMetadataStore extends DuckDbMetadataStore {
    /** Python's default for Delta stores. */
    public static final HashAlgorithm DEFAULT_HASH_ALGORITHM = HashAlgorithm.XXHASH32;

    /** Directory layout of feature tables under the root. */
    public enum Layout {
        NESTED, FLAT;

        /** {@code "nested"} or {@code "flat"}; anything else is an error. */
        public static Layout parse(String s) {
            if ("nested".equals(s)) {
                return NESTED;
            }
            if ("flat".equals(s)) {
                return FLAT;
            }
            throw new IllegalArgumentException("Invalid layout: " + s + ". Must be 'flat' or 'nested'.");
        }
    }

    private final String root;
    private final Map<String, String> storageOptions;

    private DeltaMetadataStore(DuckDbMetadataStore.Builder duck, DeltaTableStorage storage, Map<String, String> storageOptions) {
        super(duck, storage);
        this.root = storage.root();
        this.storageOptions = storageOptions;
    }

    public static Builder builder(FeatureGraph graph, String rootPath) {
        return new Builder(graph, rootPath);
    }

    public static Builder builder(FeatureGraph graph, Path rootPath) {
        return new Builder(graph, rootPath.toString());
    }

    @Override
    public String display() {
        return "DeltaMetadataStore(path=" + root + ")";
    }

    /** A Delta table is located by its {@code uri}. */
    @Override
    protected Map<String, String> storeDetails(FeatureKey key) {
        return Map.of("uri", tableName(key));
    }

    /** The normalised root: an absolute local path or an object-store URI without trailing slash. */
    public String rootPath() {
        return root;
    }

    public Map<String, String> storageOptions() {
        return storageOptions;
    }

    /** Builder; defaults: nested layout, xxhash32, tables created on first write. */
    public static final class Builder extends LakeStoreBuilder<Builder> {
        private final String rootPath;
        private Layout layout = Layout.NESTED;

        private Builder(FeatureGraph graph, String rootPath) {
            super(graph, DEFAULT_HASH_ALGORITHM);
            this.rootPath = Objects.requireNonNull(rootPath, "rootPath");
        }

        public Builder layout(Layout layout) {
            this.layout = Objects.requireNonNull(layout, "layout");
            return this;
        }

        public DeltaMetadataStore build() {
            String root = LakeFileSystem.normalizeRoot(rootPath);
            LakeFileSystem files = fileSystem();
            return new DeltaMetadataStore(duck(), new DeltaTableStorage(files, root, layout), storageOptions());
        }
    }
}
