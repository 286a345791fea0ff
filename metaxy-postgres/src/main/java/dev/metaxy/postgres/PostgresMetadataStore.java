package dev.metaxy.postgres;

import dev.metaxy.definition.FeatureKey;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.SystemColumns;
import dev.metaxy.expr.Expression;
import dev.metaxy.expr.Expressions;
import dev.metaxy.expr.SqlRenderer;
import dev.metaxy.frame.Frame;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.sql.HashAlgorithmNotSupportedException;
import dev.metaxy.sql.IncrementQueries;
import dev.metaxy.sql.SqlRelation;
import dev.metaxy.sql.SqlVersioningEngine;
import dev.metaxy.store.AbstractMetadataStore;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.DeleteOptions;
import dev.metaxy.store.FeatureNotInStoreException;
import dev.metaxy.store.LazyFrame;
import dev.metaxy.store.LazyIncrement;
import dev.metaxy.store.MetadataSchemaException;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.MetadataStoreException;
import dev.metaxy.store.ReadOptions;
import dev.metaxy.store.ResolveOptions;
import dev.metaxy.store.StoreNotOpenException;
import dev.metaxy.store.WriteOptions;
import dev.metaxy.system.GraphSnapshots;
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
import java.util.Optional;
import java.util.Properties;
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
public final class PostgresMetadataStore extends AbstractMetadataStore {
    /** The reference PostgreSQL store's default algorithm. */
    public static final HashAlgorithm DEFAULT_HASH_ALGORITHM = HashAlgorithm.XXHASH32;

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final String passwordEnv;
    private final Map<String, String> properties;
    private final String schema;
    private final String tablePrefix;
    private final boolean mapDatatype;
    private final boolean autoCreateTables;
    private final String materializationId;
    private final List<MetadataStore> fallbackStores;
    private final PostgresDialect dialect = PostgresDialect.INSTANCE;
    private transient SqlVersioningEngine engine;
    private transient Connection connection;
    private boolean softDeleteInProgress;
    /** Temporary tables holding resolve samples, in creation order; an eager resolve drops those it created. */
    private final List<String> sampleTemps = java.util.Collections.synchronizedList(new ArrayList<>());

    private PostgresMetadataStore(Builder b) {
        super(b.graph, b.hashAlgorithm);
        this.jdbcUrl = Objects.requireNonNull(b.jdbcUrl(), "jdbcUrl");
        this.user = b.user;
        this.password = b.password;
        this.passwordEnv = b.passwordEnv;
        this.properties = Map.copyOf(b.properties);
        this.schema = b.schema;
        this.tablePrefix = b.tablePrefix;
        this.mapDatatype = b.mapDatatype;
        this.autoCreateTables = b.autoCreateTables;
        this.materializationId = b.materializationId;
        this.fallbackStores = List.copyOf(b.fallbackStores);
        for (int i = 0; i < fallbackStores.size(); i++) {
            MetadataStore fb = fallbackStores.get(i);
            if (fb.hashAlgorithm() != b.hashAlgorithm) {
                throw new IllegalArgumentException("Fallback store " + i + " uses hash_algorithm='" + fb.hashAlgorithm().configName()
                    + "' but this store uses '" + b.hashAlgorithm.configName() + "'. All stores in a fallback chain must use the same hash algorithm.");
            }
        }
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
        engine = new SqlVersioningEngine(dialect, hashAlgorithm(), graph().truncation());
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
    protected void closePhysically() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            throw new MetadataStoreException("Cannot close PostgreSQL connection " + sanitizedUrl() + ": " + e.getMessage(), e);
        } finally {
            connection = null;
            sampleTemps.clear();
        }
    }

    /**
     * The increment, collected; the copy of the samples made for it is dropped afterwards (a long-lived session would
     * otherwise keep one temporary table per call until it closes).
     */
    @Override
    public dev.metaxy.store.Increment resolveUpdate(Object feature, ResolveOptions options) {
        int mark = sampleTemps.size();
        try {
            return resolveUpdateLazy(feature, options).collect();
        } finally {
            List<String> drop;
            synchronized (sampleTemps) {
                List<String> mine = sampleTemps.subList(Math.min(mark, sampleTemps.size()), sampleTemps.size());
                drop = new ArrayList<>(mine);
                mine.clear();
            }
            if (!drop.isEmpty() && connection != null) {
                withConnection(conn -> {
                    try (Statement st = conn.createStatement()) {
                        for (String t : drop) {
                            st.execute("DROP TABLE IF EXISTS " + q(t));
                        }
                    }
                    return null;
                });
            }
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

    interface SqlWork<T> {
        T run(Connection conn) throws SQLException;
    }

    /** Runs {@code work} on the store's connection (one caller at a time); SQL errors become store errors. */
    synchronized <T> T withConnection(SqlWork<T> work) {
        if (!isOpen() || connection == null) {
            throw new StoreNotOpenException("PostgresMetadataStore connection is not open; open the store before running a query");
        }
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new MetadataStoreException("PostgreSQL error in " + display() + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    synchronized <T> T inTransaction(SqlWork<T> work) {
        return withConnection(conn -> {
            boolean auto = conn.getAutoCommit();
            conn.setAutoCommit(false);
            try {
                T result = work.run(conn);
                conn.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    if (!conn.isClosed()) {
                        conn.rollback();
                    }
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            } finally {
                if (!conn.isClosed()) {
                    conn.setAutoCommit(auto);
                }
            }
        });
    }

    // ------------------------------------------------------------------ tables

    /** The table of a feature: table prefix plus {@code a__b} (unqualified). */
    public String tableName(FeatureKey key) {
        return tablePrefix + key.tableName();
    }

    /** The schema-qualified, quoted table name. */
    String qualified(String table) {
        return schema == null ? q(table) : q(schema) + "." + q(table);
    }

    private boolean tableExists(String table) {
        return withConnection(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                "SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = coalesce(?, current_schema()) AND tablename = ?")) {
                ps.setString(1, schema);
                ps.setString(2, table);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** The column names of a query, from its prepared-statement metadata (nothing is executed). */
    List<String> columnsOf(String sql) {
        return withConnection(conn -> {
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

    private SqlRelation tableRelation(String table) {
        String sql = "SELECT * FROM " + qualified(table);
        return SqlRelation.query(sql, columnsOf(sql));
    }

    @Override
    public boolean hasFeature(Object feature) {
        requireOpen();
        return tableExists(tableName(keyOf(feature)));
    }

    @Override
    public List<FeatureKey> listFeatures() {
        requireOpen();
        List<FeatureKey> out = new ArrayList<>();
        for (FeatureKey k : graph().topologicalOrder()) {
            if (tableExists(tableName(k))) {
                out.add(k);
            }
        }
        return out;
    }

    @Override
    public void dropFeatureMetadata(Object feature) {
        requireWrite();
        FeatureKey key = keyOf(feature);
        if (SystemTables.isSystemKey(key)) {
            throw new UnsupportedOperationException("PostgresMetadataStore does not support deletes for system tables");
        }
        withConnection(conn -> {
            try (Statement st = conn.createStatement()) {
                st.execute("DROP TABLE IF EXISTS " + qualified(tableName(key)));
            }
            return null;
        });
    }

    // ------------------------------------------------------------------ write

    @Override
    public void write(Object feature, Frame frame, WriteOptions options) {
        requireWrite();
        FeatureKey key = feature instanceof FeatureKey k && SystemTables.isSystemKey(k) ? k : keyOf(feature);
        if (SystemTables.isSystemKey(key)) {
            appendSystemRows(key, frame);
            return;
        }
        FeatureSpec spec = graph().spec(key);
        FeaturePlan plan = FeaturePlan.of(graph(), key);
        validateIncoming(spec, plan, frame);
        String table = tableName(key);
        if (!autoCreateTables && !tableExists(table)) {
            throw new MetadataStoreException("Table '" + table + "' does not exist for feature " + key
                + ". Enable auto_create_tables=True to automatically create tables, or create the table first.");
        }
        String matId = options.materializationIdOverride().orElse(materializationId);
        Instant ts = Instant.now().truncatedTo(ChronoUnit.MICROS);
        PgSystemColumnsSelect.Stamp stamp = new PgSystemColumnsSelect.Stamp(graph().versions().featureVersion(key),
            graph().versions().projectVersion(), options.preserveFeatureVersion(), ts, matId, softDeleteInProgress);
        PgSystemColumnsSelect select = selectFor(plan);
        inTransaction(conn -> {
            String temp = PgFrames.copyToTempTable(conn, frame, "incoming", true);
            String body = select.select(frame.columnNames(), q(temp), stamp);
            insertInto(conn, table, body, select.columns(frame.columnNames()));
            return null;
        });
    }

    /** Creates the table from {@code body}'s shape if needed (serialised by an advisory lock), then inserts by name. */
    private void insertInto(Connection conn, String table, String body, List<String> columns) throws SQLException {
        try (Statement st = conn.createStatement()) {
            if (!existsIn(conn, table)) {
                if (!autoCreateTables) {
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

    private PgSystemColumnsSelect selectFor(FeaturePlan plan) {
        List<String> fieldKeys = new ArrayList<>();
        plan.fields().forEach(f -> fieldKeys.add(f.structKey()));
        return new PgSystemColumnsSelect(engine, fieldKeys, plan.sortedStructKeys(), mapDatatype);
    }

    /** Checks the incoming frame before anything is written. */
    private static void validateIncoming(FeatureSpec spec, FeaturePlan plan, Frame frame) {
        String key = spec.key().toString();
        if (!frame.hasColumn(SystemColumns.PROVENANCE_BY_FIELD)) {
            throw new MetadataSchemaException("DataFrame must have '" + SystemColumns.PROVENANCE_BY_FIELD
                + "' column (feature " + key + "; columns: " + frame.columnNames() + ")");
        }
        for (String id : spec.idColumns()) {
            if (!frame.hasColumn(id)) {
                throw new MetadataSchemaException("Feature " + key + ": the frame lacks id column '" + id + "' (columns: "
                    + frame.columnNames() + ")");
            }
            if (frame.root().getVector(id).getNullCount() > 0) {
                throw new MetadataSchemaException("Feature " + key + ": id column '" + id + "' contains nulls");
            }
        }
        for (String col : List.of(SystemColumns.PROVENANCE_BY_FIELD, SystemColumns.DATA_VERSION_BY_FIELD)) {
            if (!frame.hasColumn(col)) {
                continue;
            }
            Field f = frame.schema().findField(col);
            if (f.getType() instanceof ArrowType.Struct) {
                List<String> children = new ArrayList<>();
                f.getChildren().forEach(c -> children.add(c.getName()));
                for (FeaturePlan.FieldPlan fp : plan.fields()) {
                    if (!children.contains(fp.structKey())) {
                        throw new MetadataSchemaException("Feature " + key + ": '" + col + "' has no entry for field '"
                            + fp.structKey() + "' (it has " + children + ")");
                    }
                }
            } else if (!(f.getType() instanceof ArrowType.Map)) {
                throw new MetadataSchemaException("'" + col + "' column must be a Struct or Map, got " + f.getType()
                    + " (feature " + key + ")");
            }
        }
        for (String col : List.of(SystemColumns.PROVENANCE, SystemColumns.DATA_VERSION, SystemColumns.FEATURE_VERSION,
            SystemColumns.PROJECT_VERSION, SystemColumns.MATERIALIZATION_ID)) {
            if (frame.hasColumn(col)) {
                ArrowType t = frame.schema().findField(col).getType();
                if (!(t instanceof ArrowType.Utf8 || t instanceof ArrowType.LargeUtf8 || t instanceof ArrowType.Null)) {
                    throw new MetadataSchemaException("Feature " + key + ": column '" + col + "' must be a string, got " + t);
                }
            }
        }
    }

    // ------------------------------------------------------------------ read

    /** How results of {@code key} decode their JSONB by-field columns. */
    PgFrames.ByFieldShape shapeOf(FeatureKey key) {
        if (SystemTables.isSystemKey(key) || !graph().contains(key)) {
            return new PgFrames.ByFieldShape(List.of(), mapDatatype);
        }
        List<String> keys = new ArrayList<>();
        graph().spec(key).fields().forEach(f -> keys.add(f.key().toStructKey()));
        return new PgFrames.ByFieldShape(keys, mapDatatype);
    }

    @Override
    public LazyFrame read(Object feature, ReadOptions options) {
        requireOpen();
        return read(graph(), keyOf(feature), options);
    }

    private LazyFrame read(FeatureGraph g, FeatureKey key, ReadOptions options) {
        if (options.featureVersionFilter().isPresent() && !options.isWithFeatureHistory()) {
            throw new IllegalArgumentException("Cannot specify both feature_version and with_feature_history=False. "
                + "Use with_feature_history=True with feature_version parameter.");
        }
        String table = tableName(key);
        if (tableExists(table)) {
            return lazy(key, readSql(g, key, tableRelation(table), options));
        }
        if (options.isAllowFallback()) {
            for (MetadataStore fb : fallbackStores) {
                Optional<Frame> rows = fromFallback(fb, key, options);
                if (rows.isPresent()) {
                    String temp;
                    try (Frame f = rows.get()) {
                        temp = withConnection(conn -> PgFrames.copyToTempTable(conn, f, "fallback", false));
                    }
                    return lazy(key, "SELECT * FROM " + q(temp));
                }
            }
        }
        throw new FeatureNotInStoreException(key, options.isAllowFallback() && !fallbackStores.isEmpty());
    }

    private static Optional<Frame> fromFallback(MetadataStore fb, FeatureKey key, ReadOptions options) {
        try (MetadataStore open = fb.open(AccessMode.READ)) {
            return Optional.of(open.read(key, options).collect());
        } catch (FeatureNotInStoreException e) {
            return Optional.empty();
        }
    }

    private String readSql(FeatureGraph g, FeatureKey key, SqlRelation table, ReadOptions options) {
        String version = options.isWithFeatureHistory() ? options.featureVersionFilter().orElse(null)
            : g.versions().featureVersion(key);
        List<String> columns = options.columns().orElse(null);
        for (Expression f : options.filters()) {
            Expressions.requireColumns(f, table.columns());
        }
        if (columns != null) {
            for (String c : columns) {
                if (!table.has(c)) {
                    throw new IllegalArgumentException("Feature " + key + " has no column '" + c + "' (columns: " + table.columns() + ")");
                }
            }
        }
        return engine.readQuery(table, g.spec(key).idColumns(), version, options.filters(),
            options.isIncludeSoftDeleted(), options.isWithSampleHistory(), columns).sql();
    }

    // ------------------------------------------------------------------ resolve_update

    @Override
    public LazyIncrement resolveUpdateLazy(Object feature, ResolveOptions options) {
        requireOpen();
        FeatureKey key = keyOf(feature);
        if (SystemTables.isSystemKey(key)) {
            throw new UnsupportedOperationException("Delete operations are not yet supported for system tables.");
        }
        FeaturePlan plan = FeaturePlan.of(graph(), key);
        List<Expression> targetFilters = new ArrayList<>(options.filters().getOrDefault(key, List.of()));
        targetFilters.addAll(options.globalFilters());
        targetFilters.addAll(options.targetFilters());
        SqlRelation expected = expectedRelation(graph(), plan, options, targetFilters);
        String table = tableName(key);
        if (options.isSkipComparison() || !tableExists(table)) {
            String empty = "SELECT * FROM (" + expected.sql() + ") AS e WHERE false";
            return new LazyIncrement(lazy(key, expected.sql()), lazy(key, empty), lazy(key, empty));
        }
        ReadOptions currentOptions = ReadOptions.defaults().allowFallback(false).filters(targetFilters);
        String currentSql = readSql(graph(), key, tableRelation(table), currentOptions);
        SqlRelation current = SqlRelation.query(currentSql, columnsOf(currentSql));
        IncrementQueries q = engine.incrementQueries(plan, expected, current, options.stalenessPredicates());
        return new LazyIncrement(lazy(key, q.newRows().sql()), lazy(key, q.staleRows().sql()), lazy(key, q.orphanedRows().sql()));
    }

    /** The expected rows of {@code plan}'s feature under graph {@code g}: from samples, or from upstream reads. */
    private SqlRelation expectedRelation(FeatureGraph g, FeaturePlan plan, ResolveOptions options, List<Expression> targetFilters) {
        FeatureKey key = plan.key();
        if (options.samplesFrame().isPresent()) {
            return samplesRelation(plan, options.samplesFrame().get(), targetFilters);
        }
        if (plan.isRoot()) {
            throw new IllegalArgumentException("Feature " + key + " has no upstream dependencies (root feature). Must provide "
                + "'samples' parameter with " + String.join(", ", plan.target().idColumns())
                + " and metaxy_provenance_by_field columns. Root features require manual metaxy_provenance_by_field computation.");
        }
        Map<FeatureKey, SqlRelation> upstream = new LinkedHashMap<>();
        for (var dep : plan.deps()) {
            ReadOptions ro = ReadOptions.defaults();
            for (Expression e : options.filters().getOrDefault(dep.upstream(), List.of())) {
                ro = ro.filter(e);
            }
            for (Expression e : options.globalFilters()) {
                ro = ro.filter(e);
            }
            String sql = read(g, dep.upstream(), ro).query();
            upstream.put(dep.upstream(), SqlRelation.query(sql, columnsOf(sql)));
        }
        Map<FeatureKey, List<String>> columns = new LinkedHashMap<>();
        upstream.forEach((k, r) -> columns.put(k, r.columns()));
        plan.requireNoColumnCollisions(columns);
        return engine.expectedQuery(plan, upstream, null);
    }

    // ------------------------------------------------------------------ rebase

    /**
     * Rebase as one query in PostgreSQL: the given rows joined on the id columns with the expected provenance under
     * the target version's graph (the current graph, or the pushed snapshot of {@code toFeatureVersion}).
     */
    @Override
    public LazyFrame rebase(Object feature, Frame frame, String toFeatureVersion) {
        requireOpen();
        FeatureKey key = keyOf(feature);
        if (graph().spec(key).isRoot()) {
            throw new IllegalArgumentException("Cannot rebase root feature " + key + ". Root features have user-defined provenance "
                + "that cannot be automatically rebased. Re-run the computation pipeline to generate new data.");
        }
        FeatureGraph target = graph();
        if (toFeatureVersion != null && !toFeatureVersion.equals(graph().versions().featureVersion(key))) {
            GraphSnapshots snapshots = new GraphSnapshots(this);
            String projectVersion = snapshots.projectVersionOf(key, toFeatureVersion).orElseThrow(() -> new IllegalArgumentException(
                "Feature version '" + toFeatureVersion + "' for '" + key + "' not found in system storage. Run `metaxy push` first."));
            target = snapshots.loadGraph(projectVersion, graph().truncation());
        }
        FeaturePlan plan = FeaturePlan.of(target, key);
        SqlRelation expected = expectedRelation(target, plan, ResolveOptions.defaults(), List.of());
        List<String> ids = plan.target().idColumns();
        String temp = withConnection(conn -> PgFrames.copyToTempTable(conn, frame, "rebase", false));
        List<String> items = new ArrayList<>();
        boolean hasDv = frame.hasColumn(SystemColumns.DATA_VERSION) && frame.hasColumn(SystemColumns.PROVENANCE);
        for (String c : frame.columnNames()) {
            if (c.equals(SystemColumns.PROVENANCE) || c.equals(SystemColumns.PROVENANCE_BY_FIELD)
                || c.equals(SystemColumns.FEATURE_VERSION) || c.equals(SystemColumns.PROJECT_VERSION)) {
                continue;
            }
            if (hasDv && (c.equals(SystemColumns.DATA_VERSION) || c.equals(SystemColumns.DATA_VERSION_BY_FIELD))) {
                items.add("CASE WHEN w." + q(SystemColumns.DATA_VERSION) + " = w." + q(SystemColumns.PROVENANCE)
                    + " THEN NULL ELSE w." + q(c) + " END AS " + q(c));
            } else {
                items.add("w." + q(c));
            }
        }
        items.add("e." + q(SystemColumns.PROVENANCE_BY_FIELD));
        items.add("e." + q(SystemColumns.PROVENANCE));
        items.add("CAST(" + dialect.stringLiteral(target.versions().featureVersion(key)) + " AS text) AS " + q(SystemColumns.FEATURE_VERSION));
        items.add("CAST(" + dialect.stringLiteral(target.versions().projectVersion()) + " AS text) AS " + q(SystemColumns.PROJECT_VERSION));
        List<String> on = new ArrayList<>();
        List<String> eCols = new ArrayList<>();
        for (String id : ids) {
            on.add("w." + q(id) + " = e." + q(id));
            eCols.add(q(id));
        }
        eCols.add(q(SystemColumns.PROVENANCE_BY_FIELD));
        eCols.add(q(SystemColumns.PROVENANCE));
        String sql = "SELECT " + String.join(", ", items) + " FROM " + q(temp) + " AS w JOIN (SELECT " + String.join(", ", eCols)
            + " FROM (" + expected.sql() + ") AS x) AS e ON " + String.join(" AND ", on);
        return lazy(key, sql);
    }

    private SqlRelation samplesRelation(FeaturePlan plan, Frame samples, List<Expression> targetFilters) {
        FeatureSpec spec = plan.target();
        validateIncoming(spec, plan, samples);
        String temp = withConnection(conn -> PgFrames.copyToTempTable(conn, samples, "samples", false));
        sampleTemps.add(temp);
        PgSystemColumnsSelect select = selectFor(plan);
        List<String> cols = new ArrayList<>(samples.columnNames());
        cols.remove(SystemColumns.PROVENANCE);
        StringBuilder where = new StringBuilder();
        SqlRenderer renderer = new SqlRenderer(dialect);
        for (Expression e : targetFilters) {
            Expressions.requireColumns(e, samples.columnNames());
            where.append(where.length() == 0 ? " WHERE " : " AND ").append(renderer.render(e));
        }
        String full = select.select(cols, q(temp) + where, new PgSystemColumnsSelect.Stamp("", "", false, Instant.EPOCH, null, false));
        List<String> keep = new ArrayList<>();
        for (String c : samples.columnNames()) {
            if (!SystemColumns.isSystemColumn(c)) {
                keep.add(q(c));
            }
        }
        for (String c : SystemColumns.VERSIONING) {
            keep.add(q(c));
        }
        String sql = "SELECT " + String.join(", ", keep) + " FROM (" + full + ") AS s";
        return SqlRelation.query(sql, columnsOf(sql));
    }

    private LazyFrame lazy(FeatureKey key, String sql) {
        return new PostgresLazyFrame(this, sql, shapeOf(key));
    }

    // ------------------------------------------------------------------ delete

    @Override
    public long delete(Object feature, Expression filter, DeleteOptions options) {
        requireWrite();
        FeatureKey key = keyOf(feature);
        String table = tableName(key);
        if (options.isSoft()) {
            ReadOptions ro = ReadOptions.defaults();
            if (filter != null) {
                ro = ro.filter(filter);
            }
            if (options.isWithFeatureHistory()) {
                ro = ro.withFeatureHistory();
            }
            if (options.isWithSampleHistory()) {
                ro = ro.withSampleHistory();
            }
            Frame rows;
            try {
                rows = read(key, ro).collect();
            } catch (FeatureNotInStoreException e) {
                return 0;
            }
            try (rows) {
                if (rows.rowCount() == 0) {
                    return 0;
                }
                Instant ts = Instant.now().truncatedTo(ChronoUnit.MICROS);
                try (Frame tomb = withDeletedAt(rows, ts)) {
                    softDeleteInProgress = true;
                    try {
                        write(key, tomb, WriteOptions.defaults());
                    } finally {
                        softDeleteInProgress = false;
                    }
                }
                return rows.rowCount();
            }
        }
        if (!tableExists(table)) {
            if (filter == null && options.isWithFeatureHistory()) {
                throw new MetadataStoreException("Table '" + table + "' does not exist for feature " + key);
            }
            throw new FeatureNotInStoreException(key, false);
        }
        SqlRelation rel = tableRelation(table);
        List<String> conditions = new ArrayList<>();
        if (!options.isWithFeatureHistory() && !SystemTables.isSystemKey(key)) {
            conditions.add(q(SystemColumns.FEATURE_VERSION) + " = " + dialect.stringLiteral(graph().versions().featureVersion(key)));
        }
        if (filter != null) {
            Expressions.requireColumns(filter, rel.columns());
            conditions.add(new SqlRenderer(dialect).render(filter));
        }
        String sql = "DELETE FROM " + qualified(table) + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
        return withConnection(conn -> {
            try (Statement st = conn.createStatement()) {
                return (long) st.executeUpdate(sql);
            }
        });
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

    // ------------------------------------------------------------------ system tables

    @Override
    public void appendSystemRows(FeatureKey systemKey, Frame rows) {
        requireWrite();
        String table = tableName(systemKey);
        inTransaction(conn -> {
            String temp = PgFrames.copyToTempTable(conn, rows, "system", true);
            List<String> quoted = new ArrayList<>();
            rows.columnNames().forEach(c -> quoted.add(q(c)));
            String body = "SELECT " + String.join(", ", quoted) + " FROM " + q(temp);
            boolean auto = true;
            try (Statement st = conn.createStatement()) {
                if (!existsIn(conn, table)) {
                    createTable(conn, table, body);
                }
                st.execute("INSERT INTO " + qualified(table) + " (" + String.join(", ", quoted) + ") " + body);
            }
            return auto;
        });
    }

    @Override
    public Optional<Frame> readSystemRows(FeatureKey systemKey) {
        requireOpen();
        String table = tableName(systemKey);
        if (!tableExists(table)) {
            return Optional.empty();
        }
        return Optional.of(withConnection(conn -> PgFrames.collect(conn, "SELECT * FROM " + qualified(table),
            new PgFrames.ByFieldShape(List.of(), mapDatatype))));
    }

    private String q(String name) {
        return dialect.quoteIdentifier(name);
    }

    /**
     * Builder for {@link PostgresMetadataStore}. The connection is a JDBC URL ({@code jdbc:postgresql://h:p/db}), a
     * libpq-style URI ({@code postgresql://user@h:p/db}) or host/port/database; the password comes from
     * {@link #password}, or better from an environment variable ({@link #passwordEnv}) read at open.
     */
    public static final class Builder {
        private final FeatureGraph graph;
        private String url;
        private String host = "localhost";
        private int port = 5432;
        private String database;
        private String user;
        private String password;
        private String passwordEnv;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private String schema;
        private String tablePrefix = "";
        private HashAlgorithm hashAlgorithm = DEFAULT_HASH_ALGORITHM;
        private boolean mapDatatype;
        private boolean autoCreateTables;
        private String materializationId;
        private List<MetadataStore> fallbackStores = List.of();

        private Builder(FeatureGraph graph) {
            this.graph = Objects.requireNonNull(graph, "graph");
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

        /** A prefix for every table name (system tables included). */
        public Builder tablePrefix(String prefix) {
            this.tablePrefix = prefix == null ? "" : prefix;
            return this;
        }

        /** md5, sha256, xxhash64 or xxhash32 (default); others are refused when the store opens. */
        public Builder hashAlgorithm(HashAlgorithm algorithm) {
            this.hashAlgorithm = Objects.requireNonNull(algorithm, "algorithm");
            return this;
        }

        /** Returns {@code *_by_field} columns as MAP(string, string) instead of STRUCT (storage is JSONB either way). */
        public Builder enableMapDatatype(boolean enable) {
            this.mapDatatype = enable;
            return this;
        }

        /** Creates a feature's table (and the schema) on its first write (otherwise a missing table is an error). */
        public Builder autoCreateTables(boolean enable) {
            this.autoCreateTables = enable;
            return this;
        }

        /** The default {@code metaxy_materialization_id} of writes. */
        public Builder materializationId(String id) {
            this.materializationId = id;
            return this;
        }

        /** Stores consulted, in order, for features this store has no table for. */
        public Builder fallbackStores(List<MetadataStore> stores) {
            this.fallbackStores = List.copyOf(stores);
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
