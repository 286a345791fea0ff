package dev.metaxy.iceberg;

import dev.metaxy.definition.FeatureKey;
import dev.metaxy.duckdb.DuckDbMetadataStore;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.lake.LakeFileSystem;
import dev.metaxy.lake.LakeStoreBuilder;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The storage-only Apache Iceberg metadata store (Python Metaxy's {@code IcebergMetadataStore}): one Iceberg table
 * per feature, identified {@code (namespace, a__b)} (namespace {@code metaxy} by default), in a catalog over
 * {@code warehouse}: by default a SQL (JDBC) catalog in SQLite at {@code <warehouse>/catalog.db}, as the reference
 * does, or a Hadoop catalog ({@code catalog_properties.type = "hadoop"}).
 *
 * <p><b>Storage.</b> Tables are managed with iceberg-core: each write is one Parquet file appended as a new snapshot
 * (tables are created on first write and evolved by union-by-name); hard deletes rewrite the affected files in one
 * overwrite snapshot (copy-on-write), so tables never carry delete files. DuckDB writes the table's Iceberg field ids
 * into every Parquet file (and tables also carry {@code schema.name-mapping.default}), so other Iceberg readers
 * resolve columns, nested ones included.
 *
 * <p><b>Compute.</b> Reads, {@code resolve_update}, deletes and rebases run in an embedded in-memory DuckDB over
 * {@code read_parquet([...])} of the current snapshot's data files, never by loading tables into the JVM.
 *
 * <p><b>Object stores.</b> An {@code s3://} warehouse works through Hadoop S3A ({@code storage_options} or the AWS
 * environment variables, see {@link LakeFileSystem}); the JDBC catalog database must then be given by
 * {@code catalog_properties.uri}. DuckDB here has no httpfs extension, so data files are downloaded into a per-open
 * local cache (keyed by path and size) and new files are written locally by DuckDB, then uploaded and committed.
 */
public final class IcebergMetadataStore extends DuckDbMetadataStore {
    /** Python's default for Iceberg stores. */
    public static final HashAlgorithm DEFAULT_HASH_ALGORITHM = HashAlgorithm.XXHASH32;

    private final IcebergTableStorage iceberg;

    private IcebergMetadataStore(DuckDbMetadataStore.Builder duck, IcebergTableStorage storage) {
        super(duck, storage);
        this.iceberg = storage;
    }

    public static Builder builder(FeatureGraph graph, String warehouse) {
        return new Builder(graph, warehouse);
    }

    public static Builder builder(FeatureGraph graph, Path warehouse) {
        return new Builder(graph, warehouse.toString());
    }

    @Override
    public String display() {
        return "IcebergMetadataStore(warehouse=" + iceberg.warehouse() + ")";
    }

    /** The table identifier of a feature, {@code namespace.a__b}. */
    public String identifier(Object feature) {
        return iceberg.identifier(feature instanceof FeatureKey k ? k : keyOf(feature)).toString();
    }

    /** An Iceberg table is located by its {@code identifier} ({@code namespace.table}). */
    @Override
    protected Map<String, String> storeDetails(FeatureKey key) {
        return Map.of("identifier", identifier(key));
    }

    public String warehouse() {
        return iceberg.warehouse();
    }

    /** Builder; defaults: namespace and catalog name {@code metaxy}, SQLite catalog, xxhash32. */
    public static final class Builder extends LakeStoreBuilder<Builder> {
        private final String warehouse;
        private String namespace = "metaxy";
        private String catalogName = "metaxy";
        private Map<String, String> catalogProperties = Map.of();
        private boolean autoCreateNamespace = true;

        private Builder(FeatureGraph graph, String warehouse) {
            super(graph, DEFAULT_HASH_ALGORITHM);
            this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
        }

        public Builder namespace(String ns) {
            this.namespace = Objects.requireNonNull(ns, "namespace");
            return this;
        }

        public Builder catalogName(String name) {
            this.catalogName = Objects.requireNonNull(name, "catalogName");
            return this;
        }

        /** Catalog properties: {@code type} ({@code sql} default, or {@code hadoop}), {@code uri}, {@code jdbc.*}, ... */
        public Builder catalogProperties(Map<String, ?> props) {
            this.catalogProperties = strings(props);
            return this;
        }

        public Builder autoCreateNamespace(boolean enable) {
            this.autoCreateNamespace = enable;
            return this;
        }

        public IcebergMetadataStore build() {
            LakeFileSystem files = fileSystem();
            IcebergTableStorage storage = new IcebergTableStorage(files, LakeFileSystem.normalizeRoot(warehouse), namespace,
                catalogName, catalogProperties, autoCreateNamespace);
            storage.catalogType();
            return new IcebergMetadataStore(duck(), storage);
        }
    }
}
