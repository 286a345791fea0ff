package dev.metaxy.duckdb;

import dev.metaxy.definition.FeatureKey;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.SystemColumns;
import dev.metaxy.expr.Expression;
import dev.metaxy.expr.Expressions;
import dev.metaxy.expr.SqlRenderer;
import dev.metaxy.frame.Frame;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.sql.IncrementQueries;
import dev.metaxy.sql.SqlRelation;
import dev.metaxy.sql.SqlVersioningEngine;
import dev.metaxy.store.AbstractMetadataStore;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.DeleteOptions;
import dev.metaxy.store.FeatureNotInStoreException;
import dev.metaxy.store.Increment;
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
import java.util.Optional;
import java.util.Properties;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * The embedded DuckDB metadata store, the default store: one table per feature ({@code a__b}) in a DuckDB file
 * or in memory, the same tables Python Metaxy's {@code DuckDBMetadataStore} writes. Reads, increments and
 * deletes run as SQL inside DuckDB; only results cross into the JVM as Arrow.
 */
public class DuckDbMetadataStore extends AbstractMetadataStore {
    /** The reference DuckDB store's default algorithm. */
    public static final HashAlgorithm DEFAULT_HASH_ALGORITHM = HashAlgorithm.XXHASH32;

    private final String database;
    private final boolean mapDatatype;
    private final boolean autoCreateTables;
    private final String materializationId;
    private final List<MetadataStore> fallbackStores;
    private final Map<String, String> connectionConfig;
    private final DuckDbDialect dialect;
    private final SqlVersioningEngine engine;
    private final FeatureTableStorage storage;
    private Connection connection;
    private boolean softDeleteInProgress;
    /** Temporary tables holding resolve samples, in creation order; an eager resolve drops those it created. */
    private final List<String> sampleTemps = java.util.Collections.synchronizedList(new ArrayList<>());

    private DuckDbMetadataStore(Builder b) {
        this(b, new DuckDbTableStorage(b.tablePrefix, DuckDbTableStorage.creationLock(b.database)));
    }

    /**
     * A store whose feature tables live in {@code storage} (for example Delta Lake or Iceberg) while reads,
     * increments and deletes run in this store's DuckDB connection (the builder's database, normally in memory).
     */
    protected DuckDbMetadataStore(Builder b, FeatureTableStorage storage) {
        super(b.graph, b.hashAlgorithm);
        this.storage = java.util.Objects.requireNonNull(storage, "storage");
        this.database = b.database;
        this.mapDatatype = b.mapDatatype;
        this.autoCreateTables = b.autoCreateTables;
        this.materializationId = b.materializationId;
        this.fallbackStores = List.copyOf(b.fallbackStores);
        this.connectionConfig = Map.copyOf(b.connectionConfig);
        this.dialect = DuckDbDialect.of(mapDatatype);
        this.engine = new SqlVersioningEngine(dialect, b.hashAlgorithm, b.graph.truncation());
        for (int i = 0; i < fallbackStores.size(); i++) {
            MetadataStore fb = fallbackStores.get(i);
            if (fb.hashAlgorithm() != b.hashAlgorithm) {
                throw new IllegalArgumentException("Fallback store " + i + " uses hash_algorithm='" + fb.hashAlgorithm().configName()
                    + "' but this store uses '" + b.hashAlgorithm.configName() + "'. All stores in a fallback chain must use the same hash algorithm.");
            }
        }
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
    protected void closePhysically() {
        try {
            storage.close();
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            throw new MetadataStoreException("Cannot close DuckDB database '" + database + "': " + e.getMessage(), e);
        } finally {
            connection = null;
            sampleTemps.clear();
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

    interface SqlWork<T> {
        T run(Connection conn) throws SQLException;
    }

    <T> T withConnection(SqlWork<T> work) {
        if (!isOpen() || connection == null) {
            throw new StoreNotOpenException("DuckDBMetadataStore connection is not open; open the store before running a query");
        }
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new MetadataStoreException("DuckDB error in " + display() + ": " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ tables

    /** The table of a feature: table prefix plus {@code a__b} (or the storage's table name, e.g. a Delta path). */
    public String tableName(FeatureKey key) {
        return storage.tableName(key);
    }

    /** Where the feature tables live. */
    protected FeatureTableStorage storage() {
        return storage;
    }

    private boolean tableExists(FeatureKey key) {
        return withConnection(conn -> storage.exists(conn, key));
    }

    private List<String> columnsOf(String relationSql) {
        return withConnection(conn -> {
            List<String> cols = new ArrayList<>();
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("DESCRIBE " + relationSql)) {
                while (rs.next()) {
                    cols.add(rs.getString(1));
                }
            }
            return cols;
        });
    }

    private Map<String, String> columnTypes(String relationSql) {
        return withConnection(conn -> {
            Map<String, String> types = new LinkedHashMap<>();
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("DESCRIBE " + relationSql)) {
                while (rs.next()) {
                    types.put(rs.getString(1), rs.getString(2));
                }
            }
            return types;
        });
    }

    private SqlRelation tableRelation(FeatureKey key) {
        if (storage instanceof DuckDbTableStorage) {
            String table = tableName(key);
            return SqlRelation.table(dialect, table, columnsOf(q(table)));
        }
        String sql = "SELECT * FROM " + withConnection(conn -> storage.relation(conn, key));
        return SqlRelation.query(sql, columnsOf(sql));
    }

    @Override
    public boolean hasFeature(Object feature) {
        requireOpen();
        return tableExists(keyOf(feature));
    }

    @Override
    public List<FeatureKey> listFeatures() {
        requireOpen();
        List<FeatureKey> out = new ArrayList<>();
        for (FeatureKey k : graph().topologicalOrder()) {
            if (tableExists(k)) {
                out.add(k);
            }
        }
        return out;
    }

    @Override
    public void dropFeatureMetadata(Object feature) {
        requireWrite();
        FeatureKey key = keyOf(feature);
        withConnection(conn -> {
            storage.drop(conn, key);
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
        boolean byFieldIsMap = validateIncoming(spec, plan, frame);
        List<String> incomingKeys = structKeys(frame, SystemColumns.PROVENANCE_BY_FIELD);
        String[] temp = new String[1];
        try {
            appendRows(key, frame.columnNames(), () -> {
                temp[0] = withConnection(conn -> ArrowImport.toTempTable(conn, frame, "incoming"));
                return q(temp[0]);
            }, byFieldIsMap, incomingKeys, options);
        } finally {
            if (temp[0] != null) {
                withConnection(conn -> {
                    try (Statement st = conn.createStatement()) {
                        st.execute("DROP TABLE IF EXISTS " + q(temp[0]));
                    }
                    return null;
                });
            }
        }
    }

    /**
     * Appends rows of {@code columns} read from the FROM item that {@code source} yields (only called once the
     * table checks pass), adding the system columns in one INSERT (or CREATE TABLE AS) statement.
     */
    private void appendRows(FeatureKey key, List<String> columns, java.util.function.Supplier<String> source, boolean byFieldIsMap,
                            List<String> incomingStructKeys, WriteOptions options) {
        FeaturePlan plan = FeaturePlan.of(graph(), key);
        String table = tableName(key);
        boolean exists = tableExists(key);
        if (!exists && !autoCreateTables) {
            throw new MetadataStoreException("Table '" + table + "' does not exist for feature " + key
                + ". Enable auto_create_tables=True to automatically create tables, or create the table first.");
        }
        String matId = options.materializationIdOverride().orElse(materializationId);
        Instant ts = Instant.now().truncatedTo(ChronoUnit.MICROS);
        SystemColumnsSelect.Stamp stamp = new SystemColumnsSelect.Stamp(graph().versions().featureVersion(key),
            graph().versions().projectVersion(), options.preserveFeatureVersion(), ts, matId, softDeleteInProgress);
        List<String> fieldKeys = new ArrayList<>();
        plan.fields().forEach(f -> fieldKeys.add(f.structKey()));
        SystemColumnsSelect select = new SystemColumnsSelect(dialect, engine, fieldKeys, plan.sortedStructKeys())
            .sourceIsMap(byFieldIsMap).sourceStructKeys(incomingStructKeys);
        String from = source.get();
        withConnection(conn -> {
            storage.append(conn, key, select.select(columns, from, stamp));
            return null;
        });
    }

    /** The child names of a STRUCT column of {@code frame} (empty for other types). */
    private static List<String> structKeys(Frame frame, String column) {
        Field f = frame.schema().findField(column);
        List<String> out = new ArrayList<>();
        if (f.getType() instanceof ArrowType.Struct) {
            f.getChildren().forEach(c -> out.add(c.getName()));
        }
        return out;
    }

    /** Checks the incoming frame before anything is written; returns whether its by-field column is a MAP. */
    private static boolean validateIncoming(FeatureSpec spec, FeaturePlan plan, Frame frame) {
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
        boolean isMap = false;
        for (String col : List.of(SystemColumns.PROVENANCE_BY_FIELD, SystemColumns.DATA_VERSION_BY_FIELD)) {
            if (!frame.hasColumn(col)) {
                continue;
            }
            Field f = frame.schema().findField(col);
            if (f.getType() instanceof ArrowType.Map) {
                isMap = true;
            } else if (f.getType() instanceof ArrowType.Struct) {
                List<String> children = new ArrayList<>();
                f.getChildren().forEach(c -> children.add(c.getName()));
                for (FeaturePlan.FieldPlan fp : plan.fields()) {
                    if (!children.contains(fp.structKey())) {
                        throw new MetadataSchemaException("Feature " + key + ": '" + col + "' has no entry for field '"
                            + fp.structKey() + "' (it has " + children + ")");
                    }
                }
            } else {
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
        return isMap;
    }

    // ------------------------------------------------------------------ read

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
        if (tableExists(key)) {
            return new DuckDbLazyFrame(this, readSql(g, key, tableRelation(key), options));
        }
        if (options.isAllowFallback()) {
            for (MetadataStore fb : fallbackStores) {
                Optional<Frame> rows = fromFallback(fb, key, options);
                if (rows.isPresent()) {
                    String temp;
                    try (Frame f = rows.get()) {
                        temp = withConnection(conn -> ArrowImport.toTempTable(conn, f, "fallback"));
                    }
                    return new DuckDbLazyFrame(this, "SELECT * FROM " + q(temp));
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
        return increment(keyOf(feature), options, null);
    }

    /**
     * The eager increment. The expected rows are computed once into a temporary table that the three parts read,
     * so upstream joins and hashing run once rather than once per part; the table is dropped afterwards, and so is
     * the copy of the samples (a long-lived session would otherwise keep one per call until it closes).
     */
    @Override
    public Increment resolveUpdate(Object feature, ResolveOptions options) {
        requireOpen();
        String[] temp = new String[1];
        int mark = sampleTemps.size();
        try {
            return increment(keyOf(feature), options, temp).collect();
        } finally {
            List<String> drop = new ArrayList<>();
            if (temp[0] != null) {
                drop.add(temp[0]);
            }
            synchronized (sampleTemps) {
                List<String> mine = sampleTemps.subList(Math.min(mark, sampleTemps.size()), sampleTemps.size());
                drop.addAll(mine);
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

    /** Builds the increment queries; with {@code materialized} non-null, the expected rows go to a temp table first. */
    private LazyIncrement increment(FeatureKey key, ResolveOptions options, String[] materialized) {
        FeaturePlan plan = FeaturePlan.of(graph(), key);
        List<Expression> targetFilters = new ArrayList<>(options.filters().getOrDefault(key, List.of()));
        targetFilters.addAll(options.globalFilters());
        targetFilters.addAll(options.targetFilters());
        SqlRelation expected = expectedRelation(graph(), plan, options, targetFilters);
        if (materialized != null) {
            String temp = "__metaxy_expected_" + System.nanoTime();
            String sql = expected.sql();
            withConnection(conn -> {
                try (Statement st = conn.createStatement()) {
                    st.execute("CREATE TEMP TABLE " + q(temp) + " AS " + sql);
                }
                return null;
            });
            materialized[0] = temp;
            expected = SqlRelation.table(dialect, temp, expected.columns());
        }
        if (options.isSkipComparison() || !tableExists(key)) {
            String empty = "SELECT * FROM (" + expected.sql() + ") AS e WHERE false";
            return new LazyIncrement(lazy(expected.sql()), lazy(empty), lazy(empty));
        }
        ReadOptions currentOptions = ReadOptions.defaults().allowFallback(false).filters(targetFilters);
        String currentSql = readSql(graph(), key, tableRelation(key), currentOptions);
        SqlRelation current = SqlRelation.query(currentSql, columnsOf("(" + currentSql + ")"));
        IncrementQueries q = engine.incrementQueries(plan, expected, current, options.stalenessPredicates());
        return new LazyIncrement(lazy(q.newRows().sql()), lazy(q.staleRows().sql()), lazy(q.orphanedRows().sql()));
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
            upstream.put(dep.upstream(), SqlRelation.query(sql, columnsOf("(" + sql + ")")));
        }
        Map<FeatureKey, List<String>> columns = new LinkedHashMap<>();
        upstream.forEach((k, r) -> columns.put(k, r.columns()));
        plan.requireNoColumnCollisions(columns);
        return engine.expectedQuery(plan, upstream, null);
    }

    // ------------------------------------------------------------------ rebase

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
        String temp = withConnection(conn -> ArrowImport.toTempTable(conn, frame, "rebase"));
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
        items.add(dialect.stringLiteral(target.versions().featureVersion(key)) + " AS " + q(SystemColumns.FEATURE_VERSION));
        items.add(dialect.stringLiteral(target.versions().projectVersion()) + " AS " + q(SystemColumns.PROJECT_VERSION));
        List<String> on = new ArrayList<>();
        for (String id : ids) {
            on.add("w." + q(id) + " = e." + q(id));
        }
        List<String> eCols = new ArrayList<>();
        for (String id : ids) {
            eCols.add(q(id));
        }
        eCols.add(q(SystemColumns.PROVENANCE_BY_FIELD));
        eCols.add(q(SystemColumns.PROVENANCE));
        String sql = "SELECT " + String.join(", ", items) + " FROM " + q(temp) + " AS w JOIN (SELECT " + String.join(", ", eCols)
            + " FROM (" + expected.sql() + ") AS x) AS e ON " + String.join(" AND ", on);
        return lazy(sql);
    }

    private SqlRelation samplesRelation(FeaturePlan plan, Frame samples, List<Expression> targetFilters) {
        FeatureSpec spec = plan.target();
        boolean isMap = validateIncoming(spec, plan, samples);
        String temp = withConnection(conn -> ArrowImport.toTempTable(conn, samples, "samples"));
        sampleTemps.add(temp);
        List<String> fieldKeys = new ArrayList<>();
        plan.fields().forEach(f -> fieldKeys.add(f.structKey()));
        SystemColumnsSelect select = new SystemColumnsSelect(dialect, engine, fieldKeys, plan.sortedStructKeys()).sourceIsMap(isMap);
        List<String> cols = new ArrayList<>(samples.columnNames());
        cols.remove(SystemColumns.PROVENANCE);
        StringBuilder where = new StringBuilder();
        SqlRenderer renderer = new SqlRenderer(dialect);
        for (Expression e : targetFilters) {
            Expressions.requireColumns(e, samples.columnNames());
            where.append(where.length() == 0 ? " WHERE " : " AND ").append(renderer.render(e));
        }
        String full = select.select(cols, q(temp) + where, new SystemColumnsSelect.Stamp("", "", false, Instant.EPOCH, null, false));
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
        return SqlRelation.query(sql, columnsOf("(" + sql + ")"));
    }

    private LazyFrame lazy(String sql) {
        return new DuckDbLazyFrame(this, sql);
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
            String rowsSql;
            try {
                rowsSql = read(key, ro).query();
            } catch (FeatureNotInStoreException e) {
                return 0;
            }
            Map<String, String> types = columnTypes("(" + rowsSql + ")");
            long count = new DuckDbLazyFrame(this, rowsSql).count();
            if (count == 0) {
                return 0;
            }
            String ts = "CAST(" + dialect.stringLiteral(Instant.now().truncatedTo(ChronoUnit.MICROS).toString()) + " AS TIMESTAMPTZ)";
            String tombstones = "(SELECT * REPLACE (" + ts + " AS " + q(SystemColumns.DELETED_AT) + ") FROM (" + rowsSql + ") AS r) AS t";
            boolean isMap = types.getOrDefault(SystemColumns.PROVENANCE_BY_FIELD, "").startsWith("MAP(");
            softDeleteInProgress = true;
            try {
                appendRows(key, new ArrayList<>(types.keySet()), () -> tombstones, isMap, List.of(), WriteOptions.defaults());
            } finally {
                softDeleteInProgress = false;
            }
            return count;
        }
        if (!tableExists(key)) {
            if (filter == null && options.isWithFeatureHistory()) {
                throw new MetadataStoreException("Table '" + table + "' does not exist for feature " + key);
            }
            throw new FeatureNotInStoreException(key, false);
        }
        SqlRelation rel = tableRelation(key);
        List<String> conditions = new ArrayList<>();
        if (!options.isWithFeatureHistory()) {
            conditions.add(q(SystemColumns.FEATURE_VERSION) + " = " + dialect.stringLiteral(graph().versions().featureVersion(key)));
        }
        if (filter != null) {
            Expressions.requireColumns(filter, rel.columns());
            conditions.add(new SqlRenderer(dialect).render(filter));
        }
        String condition = conditions.isEmpty() ? null : String.join(" AND ", conditions);
        return withConnection(conn -> storage.deleteWhere(conn, key, condition));
    }

    // ------------------------------------------------------------------ system tables

    @Override
    public void appendSystemRows(FeatureKey systemKey, Frame rows) {
        requireWrite();
        withConnection(conn -> {
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

    @Override
    public Optional<Frame> readSystemRows(FeatureKey systemKey) {
        requireOpen();
        if (!tableExists(systemKey)) {
            return Optional.empty();
        }
        return Optional.of(withConnection(conn -> ArrowImport.collect(conn, "SELECT * FROM " + storage.relation(conn, systemKey))));
    }

    private String q(String name) {
        return dialect.quoteIdentifier(name);
    }

    /** Builder for {@link DuckDbMetadataStore}; defaults follow the reference DuckDB store. */
    public static final class Builder {
        private final FeatureGraph graph;
        private String database = ":memory:";
        private HashAlgorithm hashAlgorithm = DEFAULT_HASH_ALGORITHM;
        private boolean mapDatatype;
        private boolean autoCreateTables;
        private String materializationId;
        private String tablePrefix = "";
        private List<MetadataStore> fallbackStores = List.of();
        private Map<String, String> connectionConfig = Map.of();

        private Builder(FeatureGraph graph) {
            this.graph = java.util.Objects.requireNonNull(graph, "graph");
        }

        /** A DuckDB file path, or {@code :memory:}. */
        public Builder database(String pathOrMemory) {
            this.database = pathOrMemory;
            return this;
        }

        public Builder database(Path path) {
            return database(path.toString());
        }

        public Builder hashAlgorithm(HashAlgorithm algorithm) {
            this.hashAlgorithm = algorithm;
            return this;
        }

        /** Stores {@code *_by_field} columns as MAP(VARCHAR, VARCHAR) instead of STRUCT. */
        public Builder enableMapDatatype(boolean enable) {
            this.mapDatatype = enable;
            return this;
        }

        /** Creates a feature's table on its first write (otherwise a missing table is an error). */
        public Builder autoCreateTables(boolean enable) {
            this.autoCreateTables = enable;
            return this;
        }

        /** The default {@code metaxy_materialization_id} of writes. */
        public Builder materializationId(String id) {
            this.materializationId = id;
            return this;
        }

        /** A prefix for every table name (system tables included). */
        public Builder tablePrefix(String prefix) {
            this.tablePrefix = prefix == null ? "" : prefix;
            return this;
        }

        /** Stores consulted, in order, for features this store has no table for. */
        public Builder fallbackStores(List<MetadataStore> stores) {
            this.fallbackStores = List.copyOf(stores);
            return this;
        }

        /** DuckDB settings applied when connecting (the reference's {@code config}), e.g. {@code threads}, {@code memory_limit}. */
        public Builder connectionConfig(Map<String, String> settings) {
            this.connectionConfig = Map.copyOf(settings);
            return this;
        }

        public DuckDbMetadataStore build() {
            return new DuckDbMetadataStore(this);
        }
    }
}
