package dev.metaxy.postgres;

import dev.metaxy.definition.FeatureKey;
import dev.metaxy.definition.SystemColumns;
import dev.metaxy.frame.Frame;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.sql.HashAlgorithmNotSupportedException;
import dev.metaxy.sql.JdbcSession;
import dev.metaxy.sql.SqlMetadataStore;
import dev.metaxy.sql.SqlRelation;
import dev.metaxy.sql.SqlStoreBuilder;
import dev.metaxy.sql.SqlVersioningEngine;
import dev.metaxy.sql.SystemColumnsStamp;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.LazyFrame;
import dev.metaxy.store.MetadataStoreException;
import dev.metaxy.store.WriteOptions;
import dev.metaxy.system.SystemTables;
import dev.metaxy.versioning.FeaturePlan;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * The PostgreSQL metadata store: one table per feature ({@code <prefix>a__b}, optionally in a schema), by-field
 * columns as JSONB, the same table layout Python Metaxy's {@code PostgreSQLMetadataStore} writes. Reads,
 * increments, deletes and rebase inputs run as SQL inside PostgreSQL through the shared {@link SqlVersioningEngine}
 * with the {@link PostgresDialect}; only results cross into the JVM as Arrow. Writes COPY the frame into a temporary
 * table and insert from it with the system columns, in one transaction per call: a failed write leaves nothing.
 *
 * <p>Hash algorithms: md5 and sha256 are native, xxhash64 and xxhash32 are exact PL/pgSQL functions created in the
 * session at open; wyhash (and farmhash) are refused at open with {@link HashAlgorithmNotSupportedException}.
 */
public final class PostgresMetadataStore extends SqlMetadataStore {
    /** The reference PostgreSQL store's default algorithm. */
    public static final HashAlgorithm DEFAULT_HASH_ALGORITHM = HashAlgorithm.XXHASH32;

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final String passwordEnv;
    private final Map<String, String> properties;
    private final String schema;
    private final PostgresDialect dialect = PostgresDialect.INSTANCE;
    private transient Connection connection;
    private final JdbcSession session = new JdbcSession(this, "PostgresMetadataStore", "PostgreSQL", true, () -> connection);

    private PostgresMetadataStore(Builder b) {
        super(b, PostgresDialect.INSTANCE);
        this.jdbcUrl = Objects.requireNonNull(b.jdbcUrl(), "jdbcUrl");
        this.user = b.user;
        this.password = b.password;
        this.passwordEnv = b.passwordEnv;
        this.properties = Map.copyOf(b.properties);
        this.schema = b.schema;
    }

    /** Starts a store over {@code graph}: xxhash32, STRUCT frames for by-field columns, no auto-created tables. */
    public static Builder builder(FeatureGraph graph) {
        return new Builder(graph);
    }

    // ------------------------------------------------------------------ lifecycle

    /**
     * Connects, fixes the session time zone to UTC, checks the hash algorithm (refusing unsupported ones with the
     * list of supported algorithms) and installs the xxhash functions into the session's temporary schema.
     */
    @Override
    protected void openPhysically(AccessMode mode) {
        if (!PostgresDialect.SUPPORTED.contains(hashAlgorithm())) {
            throw new HashAlgorithmNotSupportedException(dialect.name(), hashAlgorithm(), PostgresDialect.SUPPORTED);
        }
        Properties props = new Properties();
        props.putAll(properties);
        if (user != null) {
            props.setProperty("user", user);
        }
        String pw = password;
        if (pw == null && passwordEnv != null) {
            pw = System.getenv(passwordEnv);
            if (pw == null) {
                throw new MetadataStoreException("Environment variable " + passwordEnv + " (the PostgreSQL password) is not set");
            }
        }
        if (pw != null) {
            props.setProperty("password", pw);
        }
        props.putIfAbsent("ApplicationName", "metaxy");
        try {
            connection = DriverManager.getConnection(jdbcUrl, props);
            try (Statement st = connection.createStatement()) {
                st.execute("SET TIME ZONE 'UTC'");
            }
            if (hashAlgorithm() == HashAlgorithm.XXHASH64 || hashAlgorithm() == HashAlgorithm.XXHASH32) {
                PostgresHashFunctions.install(connection);
            }
        } catch (SQLException e) {
            closeQuietly();
            throw new MetadataStoreException("Cannot open PostgreSQL database " + sanitizedUrl() + ": " + e.getMessage(), e);
        }
    }

    private void closeQuietly() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // already failing
        } finally {
            connection = null;
        }
    }

    @Override
    protected void closeConnection() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            throw new MetadataStoreException("Cannot close PostgreSQL connection " + sanitizedUrl() + ": " + e.getMessage(), e);
        } finally {
            connection = null;
        }
    }

    @Override
    public String display() {
        return "PostgresMetadataStore(backend=" + sanitizedUrl() + (schema == null ? "" : ", schema=" + schema) + ")";
    }

    /** The JDBC URL with any password parameter masked. */
    public String sanitizedUrl() {
        return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    /** The schema holding the tables, or null for the connection's current schema. */
    public String schema() {
        return schema;
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

    /** The table of a feature: table prefix plus {@code a__b} (unqualified). */
    @Override
    public String tableName(FeatureKey key) {
        return tablePrefix() + key.tableName();
    }

    /** The schema-qualified, quoted table name. */
    String qualified(String table) {
        return schema == null ? q(table) : q(schema) + "." + q(table);
    }

    @Override
    protected boolean tableExists(FeatureKey key) {
        return session.run(conn -> existsIn(conn, tableName(key)));
    }

    private boolean existsIn(Connection conn, String table) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
            "SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = coalesce(?, current_schema()) AND tablename = ?")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The column names of a query, from its prepared-statement metadata (nothing is executed). */
    @Override
    protected List<String> columnsOf(String sql) {
        return session.run(conn -> {
            List<String> cols = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                ResultSetMetaData md = ps.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    cols.add(md.getColumnLabel(i));
                }
            }
            return cols;
        });
    }

    @Override
    protected SqlRelation tableRelation(FeatureKey key) {
        String sql = "SELECT * FROM " + qualified(tableName(key));
        return SqlRelation.query(sql, columnsOf(sql));
    }

    @Override
    protected void dropTable(FeatureKey key) {
        if (SystemTables.isSystemKey(key)) {
            throw new UnsupportedOperationException("PostgresMetadataStore does not support deletes for system tables");
        }
        execute("DROP TABLE IF EXISTS " + qualified(tableName(key)));
    }

    @Override
    protected void execute(String sql) {
        session.execute(sql);
    }

    @Override
    protected String importFrame(Frame frame, String purpose) {
        return session.run(conn -> PgFrames.copyToTempTable(conn, frame, purpose, false));
    }

    /** How results of {@code key} decode their JSONB by-field columns. */
    PgFrames.ByFieldShape shapeOf(FeatureKey key) {
        if (SystemTables.isSystemKey(key) || !graph().contains(key)) {
            return new PgFrames.ByFieldShape(List.of(), mapDatatype());
        }
        List<String> keys = new ArrayList<>();
        graph().spec(key).fields().forEach(f -> keys.add(f.key().toStructKey()));
        return new PgFrames.ByFieldShape(keys, mapDatatype());
    }

    @Override
    protected LazyFrame lazy(FeatureKey key, String sql) {
        return new PostgresLazyFrame(this, sql, shapeOf(key));
    }

    /** Version literals typed {@code text}. */
    @Override
    protected String textLiteral(String value) {
        return "CAST(" + dialect.stringLiteral(value) + " AS text)";
    }

    // ------------------------------------------------------------------ write

    @Override
    protected String systemColumnsSelect(FeaturePlan plan, List<String> columns, String source, SystemColumnsStamp stamp,
                                         boolean sourceIsMap, List<String> sourceStructKeys) {
        List<String> fieldKeys = new ArrayList<>();
        plan.fields().forEach(f -> fieldKeys.add(f.structKey()));
        return new PgSystemColumnsSelect(engine(), fieldKeys, plan.sortedStructKeys(), mapDatatype()).select(columns, source, stamp);
    }

    /** COPYs the frame into a temporary table and inserts from it, in one transaction: a failed write leaves nothing. */
    @Override
    protected void appendFrame(FeatureKey key, Frame frame, UnaryOperator<String> select) {
        String table = tableName(key);
        List<String> columns = PgSystemColumnsSelect.columns(frame.columnNames());
        session.inTransaction(conn -> {
            String temp = PgFrames.copyToTempTable(conn, frame, "incoming", true);
            insertInto(conn, table, select.apply(q(temp)), columns);
            return null;
        });
    }

    /** Creates the table from {@code body}'s shape if needed (serialised by an advisory lock), then inserts by name. */
    private void insertInto(Connection conn, String table, String body, List<String> columns) throws SQLException {
        try (Statement st = conn.createStatement()) {
            if (!existsIn(conn, table)) {
                if (!autoCreateTables()) {
                    throw new MetadataStoreException("Table '" + table + "' does not exist. Enable auto_create_tables=True "
                        + "to automatically create tables, or create the table first.");
                }
                createTable(conn, table, body);
            }
            List<String> quoted = new ArrayList<>();
            columns.forEach(c -> quoted.add(q(c)));
            st.execute("INSERT INTO " + qualified(table) + " (" + String.join(", ", quoted) + ") " + body);
        }
    }

    /**
     * Creates {@code table} (and the store's schema) shaped like {@code body}, inside the caller's transaction, so a
     * failed write also undoes the creation. An advisory lock serialises concurrent creators.
     */
    private void createTable(Connection conn, String table, String body) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
            ps.setString(1, "metaxy:" + qualified(table));
            ps.execute();
        }
        try (Statement st = conn.createStatement()) {
            if (schema != null) {
                try (PreparedStatement ps = conn.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                    ps.setString(1, "metaxy-schema:" + schema);
                    ps.execute();
                }
                st.execute("CREATE SCHEMA IF NOT EXISTS " + q(schema));
            }
            st.execute("CREATE TABLE IF NOT EXISTS " + qualified(table) + " AS " + body + " WITH NO DATA");
        }
    }

    // ------------------------------------------------------------------ delete

    /** Collects the rows and writes them back with {@code metaxy_deleted_at} set (PostgreSQL has no SELECT * REPLACE). */
    @Override
    protected long appendTombstones(FeatureKey key, LazyFrame rows) {
        try (Frame all = rows.collect()) {
            if (all.rowCount() == 0) {
                return 0;
            }
            Instant ts = Instant.now().truncatedTo(ChronoUnit.MICROS);
            try (Frame tomb = withDeletedAt(all, ts)) {
                write(key, tomb, WriteOptions.defaults());
            }
            return all.rowCount();
        }
    }

    private static Frame withDeletedAt(Frame rows, Instant ts) {
        List<Map<String, Object>> list = rows.toRows();
        list.forEach(r -> r.put(SystemColumns.DELETED_AT, ts));
        org.apache.arrow.vector.types.pojo.Schema schema = rows.schema();
        List<Field> fields = new ArrayList<>();
        for (Field f : schema.getFields()) {
            fields.add(f.getName().equals(SystemColumns.DELETED_AT)
                ? new Field(f.getName(), org.apache.arrow.vector.types.pojo.FieldType.nullable(
                    new ArrowType.Timestamp(org.apache.arrow.vector.types.TimeUnit.MICROSECOND, "UTC")), null) : f);
        }
        return Frame.fromRows(new org.apache.arrow.vector.types.pojo.Schema(fields), list);
    }

    @Override
    protected long deleteRows(FeatureKey key, String condition) {
        String sql = "DELETE FROM " + qualified(tableName(key)) + (condition == null ? "" : " WHERE " + condition);
        return session.run(conn -> {
            try (Statement st = conn.createStatement()) {
                return (long) st.executeUpdate(sql);
            }
        });
    }

    // ------------------------------------------------------------------ system tables

    @Override
    public void appendSystemRows(FeatureKey systemKey, Frame rows) {
        requireWrite();
        String table = tableName(systemKey);
        session.inTransaction(conn -> {
            String temp = PgFrames.copyToTempTable(conn, rows, "system", true);
            List<String> quoted = new ArrayList<>();
            rows.columnNames().forEach(c -> quoted.add(q(c)));
            String body = "SELECT " + String.join(", ", quoted) + " FROM " + q(temp);
            try (Statement st = conn.createStatement()) {
                if (!existsIn(conn, table)) {
                    createTable(conn, table, body);
                }
                st.execute("INSERT INTO " + qualified(table) + " (" + String.join(", ", quoted) + ") " + body);
            }
            return null;
        });
    }

    /**
     * Builder for {@link PostgresMetadataStore}. The connection is a JDBC URL ({@code jdbc:postgresql://h:p/db}), a
     * libpq-style URI ({@code postgresql://user@h:p/db}) or host/port/database; the password comes from
     * {@link #password}, or better from an environment variable ({@link #passwordEnv}) read at open. Hash algorithms:
     * md5, sha256, xxhash64 or xxhash32 (default); others are refused when the store opens. By-field columns are stored
     * as JSONB either way; {@code enableMapDatatype} returns them as MAP(string, string) instead of STRUCT.
     * {@code autoCreateTables} also creates the schema.
     */
    public static final class Builder extends SqlStoreBuilder<Builder> {
        private String url;
        private String host = "localhost";
        private int port = 5432;
        private String database;
        private String user;
        private String password;
        private String passwordEnv;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private String schema;

        private Builder(FeatureGraph graph) {
            super(graph, DEFAULT_HASH_ALGORITHM);
        }

        /**
         * A JDBC URL ({@code jdbc:postgresql://...}) or connection URI ({@code postgresql://user:pw@host:port/db},
         * {@code postgres://...}); user and password in the URI are taken over unless set explicitly.
         */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder database(String database) {
            this.database = database;
            return this;
        }

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /** The password itself (prefer {@link #passwordEnv}). */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** The environment variable holding the password, read when the store opens. */
        public Builder passwordEnv(String variable) {
            this.passwordEnv = variable;
            return this;
        }

        /** An extra pgjdbc connection property (e.g. {@code sslmode}). */
        public Builder property(String name, String value) {
            this.properties.put(name, value);
            return this;
        }

        /** The schema of the tables (created on a write-mode open with auto-create); null = current schema. */
        public Builder schema(String schema) {
            this.schema = schema == null || schema.isBlank() ? null : schema;
            return this;
        }

        String jdbcUrl() {
            if (url != null && !url.isBlank()) {
                return ConnectionUrls.toJdbc(url, this::userFromUrl, this::passwordFromUrl);
            }
            if (database == null || database.isBlank()) {
                throw new IllegalArgumentException("Must provide either a connection URL or host/port/database for PostgreSQL");
            }
            return "jdbc:postgresql://" + ConnectionUrls.hostPart(host) + ":" + port + "/" + ConnectionUrls.encode(database);
        }

        private void userFromUrl(String u) {
            if (user == null) {
                user = u;
            }
        }

        private void passwordFromUrl(String p) {
            if (password == null && passwordEnv == null) {
                password = p;
            }
        }

        public PostgresMetadataStore build() {
            return new PostgresMetadataStore(this);
        }
    }
}
