package dev.metaxy.duckdb;

import dev.metaxy.definition.FeatureKey;
import dev.metaxy.definition.SystemColumns;
import dev.metaxy.frame.Frame;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.sql.JdbcSession;
import dev.metaxy.sql.SqlMetadataStore;
import dev.metaxy.sql.SqlRelation;
import dev.metaxy.sql.SqlStoreBuilder;
import dev.metaxy.sql.SystemColumnsStamp;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.LazyFrame;
import dev.metaxy.store.MetadataStoreException;
import dev.metaxy.store.WriteOptions;
import dev.metaxy.versioning.FeaturePlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * The embedded DuckDB metadata store, the default store: one table per feature ({@code a__b}) in a DuckDB file
 * or in memory, the same tables Python Metaxy's {@code DuckDBMetadataStore} writes. Reads, increments and
 * deletes run as SQL inside DuckDB; only results cross into the JVM as Arrow.
 */
public class DuckDbMetadataStore extends SqlMetadataStore {
    /** The reference DuckDB store's default algorithm. */
    public static final HashAlgorithm DEFAULT_HASH_ALGORITHM = HashAlgorithm.XXHASH32;
    /**
     * The DuckDB storage format of new database files unless {@code storage_compatibility_version} is configured: DuckDB
     * 1.4's, which the DuckDB 1.4 and 1.5 releases of Python Metaxy users can open (JDBC 2.0's own default, storage
     * version 69, cannot be read by them). Existing files keep their format.
     */
    public static final String DEFAULT_STORAGE_COMPATIBILITY = "v1.4.0";

    private final String database;
    private final Map<String, String> connectionConfig;
    private final DuckDbDialect dialect;
    private final FeatureTableStorage storage;
    private Connection connection;
    private final JdbcSession session = new JdbcSession(this, "DuckDBMetadataStore", "DuckDB", false, () -> connection);


    /**
     * A store whose feature tables live in {@code storage} (for example Delta Lake or Iceberg) while reads,
     * increments and deletes run in this store's DuckDB connection (the builder's database, normally in memory).
     */
    protected DuckDbMetadataStore(Builder b, FeatureTableStorage storage) {
        super(b, b.dialect());
        this.storage = java.util.Objects.requireNonNull(storage, "storage");
        this.database = b.database;
        this.connectionConfig = Map.copyOf(b.connectionConfig);
        this.dialect = b.dialect();
    }

    /** Starts a store over {@code graph}: in memory, xxhash32, STRUCT by-field columns, no auto-created tables. */
    public static Builder builder(FeatureGraph graph) {
        return new Builder(graph);
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    protected void openPhysically(AccessMode mode) {
        Properties props = new Properties();
        connectionConfig.forEach(props::setProperty);
        boolean memory = database.equals(":memory:") || database.isEmpty();
        if (mode == AccessMode.READ && !memory && Files.exists(Path.of(database))) {
            props.setProperty("duckdb.read_only", "true");
        }
        // set for existing files too: DuckDB refuses a second connection to one file with another configuration, and
        // the setting only chooses the format of new files (an existing file keeps its own)
        if (!memory && !props.containsKey("storage_compatibility_version")) {
            props.setProperty("storage_compatibility_version", DEFAULT_STORAGE_COMPATIBILITY);
        }
        try {
            if (!memory && Path.of(database).getParent() != null) {
                Files.createDirectories(Path.of(database).toAbsolutePath().getParent());
            }
            connection = DriverManager.getConnection("jdbc:duckdb:" + (memory ? "" : database), props);
            DuckDbHashFunctions.register(connection);
        } catch (SQLException | java.io.IOException e) {
            connection = null;
            if (e.getMessage() != null && e.getMessage().contains("Could not set lock on file")) {
                throw new MetadataStoreException("Cannot open DuckDB database '" + database + "': the file is locked by another "
                    + "process (" + lockHolder(e.getMessage()) + "). A DuckDB file allows one writing process at a time, and no "
                    + "other process can read it meanwhile; close the store in the other process, or use a server store "
                    + "(PostgreSQL) for concurrent writers. DuckDB said: " + e.getMessage(), e);
            }
            throw new MetadataStoreException("Cannot open DuckDB database '" + database + "': " + e.getMessage(), e);
        }
        try {
            storage.open(connection, mode);
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already failing
            }
            connection = null;
            throw e instanceof MetadataStoreException m ? m
                : new MetadataStoreException("Cannot open " + display() + ": " + e.getMessage(), e);
        }
    }

    /** "PID n" (and the program) from DuckDB's "Conflicting lock is held in PROGRAM (PID n)", or a placeholder. */
    private static String lockHolder(String message) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("held in (.*?) \\(PID (\\d+)\\)").matcher(message);
        return m.find() ? "PID " + m.group(2) + ", " + m.group(1) : "PID unknown";
    }

    @Override
    protected void closeConnection() {
        try {
            storage.close();
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            throw new MetadataStoreException("Cannot close DuckDB database '" + database + "': " + e.getMessage(), e);
        } finally {
            connection = null;
        }
    }

    @Override
    public String display() {
        return "DuckDBMetadataStore(database=" + database + ")";
    }

    /** The database path, or {@code :memory:}. */
    public String database() {
        return database;
    }

    /** The JDBC connection of the open store (for advanced use; do not close it). */
    public Connection connection() {
        requireOpen();
        return connection;
    }

    /** Statements on the store's connection; SQL errors become store errors. */
    JdbcSession session() {
        return session;
    }

    // ------------------------------------------------------------------ tables

    /** The table of a feature: table prefix plus {@code a__b} (or the storage's table name, e.g. a Delta path). */
    @Override
    public String tableName(FeatureKey key) {
        return storage.tableName(key);
    }

    /** Where the feature tables live. */
    protected FeatureTableStorage storage() {
        return storage;
    }

    @Override
    protected boolean tableExists(FeatureKey key) {
        return session.run(conn -> storage.exists(conn, key));
    }

    /** Column name to DuckDB type of a FROM item, by {@code DESCRIBE}. */
    private Map<String, String> columnTypes(String fromItem) {
        return session.run(conn -> {
            Map<String, String> types = new LinkedHashMap<>();
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("DESCRIBE " + fromItem)) {
                while (rs.next()) {
                    types.put(rs.getString(1), rs.getString(2));
                }
            }
            return types;
        });
    }

    @Override
    protected List<String> columnsOf(String selectSql) {
        return new ArrayList<>(columnTypes("(" + selectSql + ")").keySet());
    }

    @Override
    protected SqlRelation tableRelation(FeatureKey key) {
        if (storage instanceof DuckDbTableStorage) {
            String table = tableName(key);
            return SqlRelation.table(dialect, table, new ArrayList<>(columnTypes(q(table)).keySet()));
        }
        String sql = "SELECT * FROM " + session.run(conn -> storage.relation(conn, key));
        return SqlRelation.query(sql, columnsOf(sql));
    }

    @Override
    protected void dropTable(FeatureKey key) {
        session.run(conn -> {
            storage.drop(conn, key);
            return null;
        });
    }

    @Override
    protected void execute(String sql) {
        session.execute(sql);
    }

    @Override
    protected String importFrame(Frame frame, String purpose) {
        return session.run(conn -> ArrowImport.toTempTable(conn, frame, purpose));
    }

    @Override
    protected LazyFrame lazy(FeatureKey key, String selectSql) {
        return new DuckDbLazyFrame(this, selectSql);
    }

    @Override
    protected boolean materializesIncrement() {
        return true;
    }

    // ------------------------------------------------------------------ write

    @Override
    protected String systemColumnsSelect(FeaturePlan plan, List<String> columns, String source, SystemColumnsStamp stamp,
                                         boolean sourceIsMap, List<String> sourceStructKeys) {
        List<String> fieldKeys = new ArrayList<>();
        plan.fields().forEach(f -> fieldKeys.add(f.structKey()));
        return new SystemColumnsSelect(dialect, engine(), fieldKeys, plan.sortedStructKeys())
            .sourceIsMap(sourceIsMap).sourceStructKeys(sourceStructKeys).select(columns, source, stamp);
    }

    /** Imports the frame into a temporary table, appends in one INSERT (or CREATE TABLE AS) and drops the table. */
    @Override
    protected void appendFrame(FeatureKey key, Frame frame, UnaryOperator<String> select) {
        String temp = importFrame(frame, "incoming");
        try {
            String sql = select.apply(q(temp));
            session.run(conn -> {
                storage.append(conn, key, sql);
                return null;
            });
        } finally {
            execute("DROP TABLE IF EXISTS " + q(temp));
        }
    }

    /** Appends the tombstones in one statement inside DuckDB: the rows are never loaded into the JVM. */
    @Override
    protected long appendTombstones(FeatureKey key, LazyFrame rows) {
        String rowsSql = rows.query();
        Map<String, String> types = columnTypes("(" + rowsSql + ")");
        long count = rows.count();
        if (count == 0) {
            return 0;
        }
        String ts = "CAST(" + dialect.stringLiteral(Instant.now().truncatedTo(ChronoUnit.MICROS).toString()) + " AS TIMESTAMPTZ)";
        String tombstones = "(SELECT * REPLACE (" + ts + " AS " + q(SystemColumns.DELETED_AT) + ") FROM (" + rowsSql + ") AS r) AS t";
        boolean isMap = types.getOrDefault(SystemColumns.PROVENANCE_BY_FIELD, "").startsWith("MAP(");
        requireTable(key);
        String sql = systemColumnsSelect(FeaturePlan.of(graph(), key), new ArrayList<>(types.keySet()), tombstones,
            stamp(key, WriteOptions.defaults()), isMap, List.of());
        session.run(conn -> {
            storage.append(conn, key, sql);
            return null;
        });
        return count;
    }

    @Override
    protected long deleteRows(FeatureKey key, String condition) {
        return session.run(conn -> storage.deleteWhere(conn, key, condition));
    }

    // ------------------------------------------------------------------ system tables

    @Override
    public void appendSystemRows(FeatureKey systemKey, Frame rows) {
        requireWrite();
        session.run(conn -> {
            String temp = ArrowImport.toTempTable(conn, rows, "system");
            try {
                storage.append(conn, systemKey, "SELECT * FROM " + q(temp));
            } finally {
                try (Statement st = conn.createStatement()) {
                    st.execute("DROP TABLE IF EXISTS " + q(temp));
                }
            }
            return null;
        });
    }

    /** Builder for {@link DuckDbMetadataStore}; defaults follow the reference DuckDB store. */
    public static final class Builder extends SqlStoreBuilder<Builder> {
        private String database = ":memory:";
        private Map<String, String> connectionConfig = Map.of();

        private Builder(FeatureGraph graph) {
            super(graph, DEFAULT_HASH_ALGORITHM);
        }

        /** A DuckDB file path, or {@code :memory:}. */
        public Builder database(String pathOrMemory) {
            this.database = pathOrMemory;
            return this;
        }

        public Builder database(Path path) {
            return database(path.toString());
        }

        /** DuckDB settings applied when connecting (the reference's {@code config}), e.g. {@code threads}, {@code memory_limit}. */
        public Builder connectionConfig(Map<String, String> settings) {
            this.connectionConfig = Map.copyOf(settings);
            return this;
        }

        /** By-field columns as MAP(VARCHAR, VARCHAR) or STRUCT. */
        DuckDbDialect dialect() {
            return DuckDbDialect.of(mapDatatype());
        }

        public DuckDbMetadataStore build() {
            return new DuckDbMetadataStore(this, new DuckDbTableStorage(tablePrefix(), DuckDbTableStorage.creationLock(database)));
        }
    }
}
