package dev.metaxy.iceberg;

import dev.metaxy.definition.FeatureKey;
import dev.metaxy.lake.DuckDbParquet;
import dev.metaxy.lake.LakeFileSystem;
import dev.metaxy.lake.ParquetTableStorage;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.MetadataStoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.OverwriteFiles;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.mapping.MappingUtil;
import org.apache.iceberg.mapping.NameMappingParser;
import org.apache.iceberg.types.Types;

/**
 * One Iceberg table per feature, identified {@code (namespace, a__b)}, in a Hadoop (file-system) or JDBC catalog.
 * Data files are Parquet written by DuckDB with the table's field ids (tables also carry a default name mapping);
 * the schema is created or evolved before each file is written; appends are Iceberg snapshots, hard deletes are copy-on-write
 * overwrites, so tables never get delete files.
 */
final class IcebergTableStorage extends ParquetTableStorage<IcebergTableStorage.IcebergSnapshot> {
    /** Attempts to initialise a JDBC catalog whose tables another store may be creating at the same moment. */
    private static final int CATALOG_INIT_ATTEMPTS = 8;

    /** The snapshot a rewrite is based on, with its live data files by URI. */
    record IcebergSnapshot(Table table, Long snapshotId, Map<String, org.apache.iceberg.DataFile> files) {
    }

    private final String warehouse;
    private final String namespace;
    private final String catalogName;
    private final Map<String, String> catalogProperties;
    private final boolean autoCreateNamespace;
    private Catalog catalog;

    IcebergTableStorage(LakeFileSystem files, String warehouse, String namespace, String catalogName,
                        Map<String, String> catalogProperties, boolean autoCreateNamespace) {
        super(files);
        this.warehouse = warehouse;
        this.namespace = namespace;
        this.catalogName = catalogName;
        this.catalogProperties = catalogProperties;
        this.autoCreateNamespace = autoCreateNamespace;
    }

    /** {@code hadoop} or {@code jdbc} (the default, SQLite at {@code <warehouse>/catalog.db}). */
    String catalogType() {
        String type = catalogProperties.getOrDefault("type", "sql").toLowerCase(java.util.Locale.ROOT);
        return switch (type) {
            case "hadoop" -> "hadoop";
            case "sql", "jdbc" -> "jdbc";
            default -> throw new IllegalArgumentException("Unsupported Iceberg catalog type '" + type
                + "'; this store supports 'sql' (JDBC, SQLite by default) and 'hadoop'");
        };
    }

    @Override
    public void open(Connection conn, AccessMode mode) throws SQLException {
        super.open(conn, mode);
        boolean remote = LakeFileSystem.isRemote(warehouse);
        if (!remote) {
            try {
                Files.createDirectories(LakeFileSystem.localPath(warehouse));
            } catch (IOException e) {
                throw new MetadataStoreException("Cannot create the warehouse " + warehouse + ": " + e.getMessage(), e);
            }
        }
        Map<String, String> props = new LinkedHashMap<>(catalogProperties);
        props.remove("type");
        props.putIfAbsent(CatalogProperties.WAREHOUSE_LOCATION, remote ? warehouse : "file:" + warehouse);
        if (catalogType().equals("hadoop")) {
            HadoopCatalog c = new HadoopCatalog();
            c.setConf(files.configuration());
            c.initialize(catalogName, props);
            catalog = c;
        } else {
            String uri = props.get(CatalogProperties.URI);
            if (uri == null) {
                if (remote) {
                    throw new MetadataStoreException("The Iceberg warehouse " + warehouse + " is remote: set catalog_properties.uri "
                        + "(e.g. 'jdbc:sqlite:/path/catalog.db') or catalog_properties.type = 'hadoop'");
                }
                uri = "jdbc:sqlite:" + LakeFileSystem.localPath(warehouse).resolve("catalog.db");
            } else if (uri.startsWith("sqlite:///")) {
                uri = "jdbc:sqlite:/" + uri.substring("sqlite:///".length());
            }
            props.put(CatalogProperties.URI, uri);
            props.putIfAbsent("jdbc.schema-version", "V1");
            catalog = jdbcCatalog(props);
        }
        Namespace ns = Namespace.of(namespace.split("\\."));
        if (autoCreateNamespace && catalog instanceof SupportsNamespaces sn && !sn.namespaceExists(ns)) {
            try {
                sn.createNamespace(ns);
            } catch (org.apache.iceberg.exceptions.AlreadyExistsException e) {
                // created concurrently
            }
        }
    }

    /**
     * A JDBC catalog, initialised. Two stores opening a fresh catalog at once (threads or processes) race to create its
     * tables, and the loser's initialisation fails ("Cannot check and eventually update SQL schema"); a new attempt finds
     * the tables and succeeds, so initialisation is retried a few times with a short random pause.
     */
    private JdbcCatalog jdbcCatalog(Map<String, String> props) {
        for (int attempt = 1; ; attempt++) {
            JdbcCatalog c = new JdbcCatalog();
            c.setConf(files.configuration());
            try {
                c.initialize(catalogName, props);
                return c;
            } catch (org.apache.iceberg.jdbc.UncheckedSQLException e) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // releasing the failed attempt's connections only
                }
                if (attempt >= CATALOG_INIT_ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(10, 60L + 20L * attempt));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            if (catalog instanceof AutoCloseable c) {
                c.close();
            }
        } catch (Exception e) {
            // closing a catalog only releases connections
        } finally {
            catalog = null;
            super.close();
        }
    }

    TableIdentifier identifier(FeatureKey key) {
        return TableIdentifier.of(Namespace.of(namespace.split("\\.")), key.tableName());
    }

    @Override
    public String tableName(FeatureKey key) {
        return identifier(key).toString();
    }

    private Catalog catalog() {
        if (catalog == null) {
            throw new MetadataStoreException("The Iceberg catalog is not open");
        }
        return catalog;
    }

    @Override
    public boolean exists(Connection conn, FeatureKey key) {
        return catalog().tableExists(identifier(key));
    }

    private Table table(FeatureKey key) {
        return catalog().loadTable(identifier(key));
    }

    @Override
    protected LiveFiles<IcebergSnapshot> liveFiles(FeatureKey key) {
        Table table = table(key);
        Map<String, org.apache.iceberg.DataFile> byUri = new LinkedHashMap<>();
        List<DataFile> out = new ArrayList<>();
        Long snapshotId = table.currentSnapshot() == null ? null : table.currentSnapshot().snapshotId();
        if (snapshotId != null) {
            try (CloseableIterable<FileScanTask> tasks = table.newScan().useSnapshot(snapshotId).planFiles()) {
                for (FileScanTask task : tasks) {
                    if (!task.deletes().isEmpty()) {
                        throw new MetadataStoreException("Iceberg table " + identifier(key) + " has delete files (merge-on-read), "
                            + "which this store cannot read; compact the table first");
                    }
                    org.apache.iceberg.DataFile f = task.file();
                    String uri = f.location();
                    byUri.put(uri, f);
                    out.add(new DataFile(uri, f.fileSizeInBytes(), f.recordCount()));
                }
            } catch (IOException e) {
                throw new MetadataStoreException("Cannot plan Iceberg table " + identifier(key) + ": " + e.getMessage(), e);
            }
        }
        return new LiveFiles<>(new IcebergSnapshot(table, snapshotId, byUri), out, IcebergSchemas.toDuckDb(table.schema()));
    }

    @Override
    public void append(Connection conn, FeatureKey key, String selectSql) throws SQLException {
        Schema incoming = IcebergSchemas.fromArrow(DuckDbParquet.arrowSchema(conn, selectSql));
        IcebergCommitRetry.run("prepare Iceberg table " + identifier(key) + " for a write", () -> {
            Table table = prepareSchema(conn, key, incoming);
            String mapping = NameMappingParser.toJson(MappingUtil.create(table.schema()));
            if (!mapping.equals(table.properties().get(TableProperties.DEFAULT_NAME_MAPPING))) {
                table.updateProperties().set(TableProperties.DEFAULT_NAME_MAPPING, mapping).commit();
            }
            return table;
        });
        super.append(conn, key, selectSql);
    }

    /** Creates the table, or evolves it to hold {@code incoming}; a lost creation race falls through to the evolution. */
    private Table prepareSchema(Connection conn, FeatureKey key, Schema incoming) {
        if (!exists(conn, key)) {
            return catalog().buildTable(identifier(key), incoming).create();
        }
        Table table = table(key);
        try {
            table.updateSchema().unionByNameWith(incoming).commit();
        } catch (IllegalArgumentException e) { // e.g. "Cannot change column type: score: double -> string"
            throw new MetadataStoreException("Cannot write to Iceberg table " + identifier(key) + ": " + e.getMessage()
                + "; nothing was written", e);
        }
        return table;
    }

    /** New files carry the table's field ids (Iceberg readers need no name mapping for them). */
    @Override
    protected String copyOptions(FeatureKey key) {
        List<String> items = new ArrayList<>();
        for (Types.NestedField f : table(key).schema().columns()) {
            items.add(DuckDbParquet.literal(f.name()) + ": " + fieldIds(f));
        }
        return ", FIELD_IDS {" + String.join(", ", items) + "}";
    }

    private static String fieldIds(Types.NestedField f) {
        org.apache.iceberg.types.Type t = f.type();
        if (t.isPrimitiveType()) {
            return String.valueOf(f.fieldId());
        }
        List<String> items = new ArrayList<>();
        items.add("'__duckdb_field_id': " + f.fieldId());
        if (t.isStructType()) {
            for (Types.NestedField c : t.asStructType().fields()) {
                items.add(DuckDbParquet.literal(c.name()) + ": " + fieldIds(c));
            }
        } else if (t.isMapType()) {
            items.add("'key': " + fieldIds(t.asMapType().fields().get(0)));
            items.add("'value': " + fieldIds(t.asMapType().fields().get(1)));
        } else if (t.isListType()) {
            items.add("'element': " + fieldIds(t.asListType().fields().get(0)));
        }
        return "{" + String.join(", ", items) + "}";
    }

    @Override
    protected String newDataFileUri(FeatureKey key) {
        return table(key).locationProvider().newDataLocation(UUID.randomUUID() + ".parquet");
    }

    @Override
    protected void commitAppend(FeatureKey key, org.apache.arrow.vector.types.pojo.Schema schema, List<DataFile> added) {
        // the schema was created or evolved before the file was written (its field ids are in the file)
        if (added.isEmpty()) {
            return;
        }
        IcebergCommitRetry.run("append to Iceberg table " + identifier(key), () -> {
            Table table = table(key);
            AppendFiles append = table.newAppend();
            added.forEach(f -> append.appendFile(dataFile(table, f)));
            append.commit();
            return null;
        });
    }

    @Override
    protected void commitRewrite(FeatureKey key, IcebergSnapshot snapshot, List<DataFile> removed, List<DataFile> added) {
        Table table = table(key);
        OverwriteFiles overwrite = table.newOverwrite();
        if (snapshot.snapshotId() != null) {
            overwrite.validateFromSnapshot(snapshot.snapshotId());
        }
        removed.forEach(f -> overwrite.deleteFile(snapshot.files().get(f.uri())));
        added.forEach(f -> overwrite.addFile(dataFile(table, f)));
        overwrite.commit();
    }

    private static org.apache.iceberg.DataFile dataFile(Table table, DataFile f) {
        return DataFiles.builder(table.spec()).withPath(f.uri()).withFileSizeInBytes(f.sizeBytes())
            .withRecordCount(f.rowCount()).withFormat(FileFormat.PARQUET).build();
    }

    @Override
    public void drop(Connection conn, FeatureKey key) {
        if (exists(conn, key)) {
            catalog().dropTable(identifier(key), false);
        }
    }

    String warehouse() {
        return warehouse;
    }
}
