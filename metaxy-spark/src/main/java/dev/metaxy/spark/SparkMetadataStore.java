package dev.metaxy.spark;

import dev.metaxy.external.ExternalFeatures;
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
import dev.metaxy.sql.ReadOrder;
import dev.metaxy.sql.ProvenanceInput;
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
import dev.metaxy.store.StoreRead;
import dev.metaxy.store.StoreNotOpenException;
import dev.metaxy.store.WriteOptions;
import dev.metaxy.system.GraphSnapshots;
import dev.metaxy.system.SystemTables;
import dev.metaxy.versioning.FeaturePlan;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The Apache Spark metadata store: one Delta (or Iceberg) table per feature, the same tables and columns the Delta
 * and Iceberg stores write, with reads, increments, deletes and rebases running as Spark SQL plans on the cluster.
 * Both formats are tested on Spark 4.1 (Delta: contract suite and interop with the Delta Kernel store both ways;
 * Iceberg through Iceberg's Spark runtime: contract suite without the engine-only classes, and interop with the
 * Iceberg store both ways over the same SQLite catalog).
 *
 * <p>Two faces: the {@link MetadataStore} contract with Arrow {@link Frame}s (converted at the edge through the driver,
 * for small data and the CLI), and Dataset methods that never bring data to the driver:
 * {@link #writeDataset}, {@link #readDataset}, {@link #resolveUpdateDatasets} and {@link #rebaseDataset}.
 *
 * <p>Hashes are those of every other store: md5 and sha256 from Spark built-ins, xxhash64, xxhash32 and wyhash from
 * the Java UDFs of {@link SparkHashFunctions} (seed 0). The SQL comes from the shared {@link SqlVersioningEngine}
 * through {@link SparkDialect}.
 */
public final class SparkMetadataStore extends AbstractMetadataStore {
    /** Default algorithm, as the reference Delta and Iceberg stores. */
    public static final HashAlgorithm DEFAULT_HASH_ALGORITHM = HashAlgorithm.XXHASH32;

    private static final AtomicLong VIEW_COUNTER = new AtomicLong();
    /** Sessions a store started (none was running), with how many open stores use each: the last to close stops it. */
    private static final Map<SparkSession, Integer> STORE_STARTED_SESSIONS = new java.util.IdentityHashMap<>();

    /** Table formats. */
    public enum Format {
        DELTA, ICEBERG;

        public static Format parse(String s) {
            return switch (s.toLowerCase(java.util.Locale.ROOT)) {
                case "delta" -> DELTA;
                case "iceberg" -> ICEBERG;
                default -> throw new IllegalArgumentException("Invalid format: " + s + ". Must be 'delta' or 'iceberg'.");
            };
        }
    }

    private final SparkSession givenSession;
    private final String master;
    private final Map<String, String> sparkConf;
    private final Format format;
    private final boolean mapDatatype;
    private final boolean autoCreateTables;
    private final String materializationId;
    private final List<MetadataStore> fallbackStores;
    private final SparkDialect dialect;
    private final SqlVersioningEngine engine;
    private final SparkTables tables;
    private SparkSession spark;
    /** Whether {@link #spark} is a session a store started (and so one the stores stop when the last closes). */
    private boolean storeStartedSession;
    private final List<String> tempViews = new ArrayList<>();
    /** The views registered by the eager operation running on this thread (see {@link #dropViewsAfter}). */
    private final ThreadLocal<List<String>> operationViews = new ThreadLocal<>();
    private boolean softDeleteInProgress;

    private SparkMetadataStore(Builder b) {
        super(b.graph, b.hashAlgorithm);
        this.givenSession = b.spark;
        this.master = b.master;
        this.sparkConf = Map.copyOf(b.sparkConf);
        this.format = b.format;
        this.mapDatatype = b.mapDatatype;
        this.autoCreateTables = b.autoCreateTables;
        this.materializationId = b.materializationId;
        this.fallbackStores = List.copyOf(b.fallbackStores);
        this.dialect = SparkDialect.of(mapDatatype);
        this.engine = new SqlVersioningEngine(dialect, b.hashAlgorithm, b.graph.truncation());
        if (format == Format.DELTA) {
            if (b.rootPath == null) {
                throw new IllegalArgumentException("The Spark store with format delta needs a root_path");
            }
            this.tables = new SparkTables.Delta(dialect, normaliseRoot(b.rootPath), b.nestedLayout, b.deltaWriteOptions);
        } else {
            this.tables = new SparkTables.Iceberg(dialect, b.catalog, b.namespace);
        }
        for (int i = 0; i < fallbackStores.size(); i++) {
            MetadataStore fb = fallbackStores.get(i);
            if (fb.hashAlgorithm() != b.hashAlgorithm) {
                throw new IllegalArgumentException("Fallback store " + i + " uses hash_algorithm='" + fb.hashAlgorithm().configName()
                    + "' but this store uses '" + b.hashAlgorithm.configName() + "'. All stores in a fallback chain must use the same hash algorithm.");
            }
        }
    }

    private static String normaliseRoot(String root) {
        String r = root;
        for (String prefix : List.of("file://", "local://")) {
            if (r.startsWith(prefix)) {
                r = r.substring(prefix.length());
            }
        }
        if (r.contains("://")) {
            return r.endsWith("/") ? r.substring(0, r.length() - 1) : r;
        }
        return Path.of(r).toAbsolutePath().normalize().toString();
    }

    /** Starts a store over {@code graph}: Delta, xxhash32, STRUCT by-field columns, no auto-created tables. */
    public static Builder builder(FeatureGraph graph) {
        return new Builder(graph);
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    protected void openPhysically(AccessMode mode) {
        SparkSession s = givenSession;
        if (s == null) {
            synchronized (STORE_STARTED_SESSIONS) {
                boolean running = SparkSession.getActiveSession().isDefined() || SparkSession.getDefaultSession().isDefined();
                s = SparkSessions.getOrCreate(master, sparkConf, format);
                if (!running) {
                    STORE_STARTED_SESSIONS.put(s, 0);
                }
                storeStartedSession = STORE_STARTED_SESSIONS.containsKey(s);
                if (storeStartedSession) {
                    STORE_STARTED_SESSIONS.merge(s, 1, Integer::sum);
                }
            }
        }
        try {
            SparkHashFunctions.register(s);
        } catch (RuntimeException e) {
            spark = s;
            releaseSession();
            throw e;
        }
        spark = s;
    }

    /**
     * Stops the session if a store started it and this was the last open store using it (its local directories, the
     * shuffle and block-manager files under {@code spark.local.dir}, go with it); a session the caller gave or that
     * was running before is left running.
     */
    private void releaseSession() {
        if (!storeStartedSession) {
            return;
        }
        storeStartedSession = false;
        synchronized (STORE_STARTED_SESSIONS) {
            int left = STORE_STARTED_SESSIONS.merge(spark, -1, Integer::sum);
            if (left <= 0) {
                STORE_STARTED_SESSIONS.remove(spark);
                spark.stop();
            }
        }
    }

    @Override
    protected void closePhysically() {
        if (spark != null) {
            try {
                synchronized (tempViews) {
                    for (String v : tempViews) {
                        spark.catalog().dropTempView(v);
                    }
                }
            } finally {
                releaseSession();
            }
        }
        tempViews.clear();
        spark = null;
    }

    @Override
    public String display() {
        return "SparkMetadataStore(format=" + tables.format() + ", " + tables.location() + ")";
    }

    /** The session of the open store. */
    public SparkSession spark() {
        if (!isOpen() || spark == null) {
            throw new StoreNotOpenException("SparkMetadataStore session is not open; open the store before running a query");
        }
        return spark;
    }

    public Format format() {
        return format;
    }

    Dataset<Row> sql(String sql) {
        return spark().sql(sql);
    }

    /**
     * Registers a Dataset as a temporary view of the store's session: dropped when the eager operation that made it
     * ends ({@link #dropViewsAfter}), else (lazy results may still query it) when the store closes.
     */
    private String view(Dataset<Row> ds, String purpose) {
        String name = "__metaxy_" + purpose + "_" + VIEW_COUNTER.incrementAndGet();
        ds.createOrReplaceTempView(name);
        List<String> operation = operationViews.get();
        if (operation != null) {
            operation.add(name);
        } else {
            synchronized (tempViews) {
                tempViews.add(name);
            }
        }
        return name;
    }

    /**
     * Runs an eager operation (a write, an eager resolve, a delete) and drops the temporary views it registered, so a
     * long-lived store does not pile them up in its session; nested calls leave it to the outermost.
     */
    private <T> T dropViewsAfter(java.util.function.Supplier<T> operation) {
        if (operationViews.get() != null) {
            return operation.get();
        }
        List<String> mine = new ArrayList<>();
        operationViews.set(mine);
        try {
            return operation.get();
        } finally {
            operationViews.remove();
            for (String v : mine) {
                spark.catalog().dropTempView(v);
            }
        }
    }

    private Dataset<Row> inStoreSession(Dataset<Row> ds) {
        if (ds.sparkSession() == spark()) {
            return ds;
        }
        throw new IllegalArgumentException("The Dataset belongs to another SparkSession than the store's; build the store "
            + "with .spark(session) of that session");
    }

    // ------------------------------------------------------------------ tables

    /** The table name of a feature ({@code a__b}). */
    public String tableName(FeatureKey key) {
        return key.tableName();
    }

    /** Where a feature's table is: the Delta path or the Iceberg identifier. */
    public String tableUri(Object feature) {
        FeatureKey key = feature instanceof FeatureKey k ? k : keyOf(feature);
        return tables.uri(key, tableName(key));
    }

    private boolean tableExists(FeatureKey key) {
        return tables.exists(spark(), key, tableName(key));
    }

    private SqlRelation tableRelation(FeatureKey key) {
        String sql = "SELECT * FROM " + tables.reference(key, tableName(key));
        return SqlRelation.query(sql, List.of(sql(sql).columns()));
    }

    private List<String> columnsOf(String sql) {
        return List.of(sql(sql).columns());
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
        tables.drop(spark(), key, tableName(key));
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
        for (String id : spec.idColumns()) {
            if (frame.hasColumn(id) && frame.root().getVector(id).getNullCount() > 0) {
                throw new MetadataSchemaException("Feature " + key + ": id column '" + id + "' contains nulls");
            }
        }
        validateIncoming(spec, FeaturePlan.of(graph(), key), SparkFrames.sparkSchema(frame.schema()));
        writeDataset(key, SparkFrames.toDataset(spark(), frame), options);
    }

    /**
     * Appends a Dataset of a feature's rows (system columns filled as by {@link #write}) without collecting it: the
     * rows go from the executors straight into the table.
     */
    public void writeDataset(Object feature, Dataset<Row> rows, WriteOptions options) {
        dropViewsAfter(() -> {
            appendDataset(feature, rows, options);
            return null;
        });
    }

    private void appendDataset(Object feature, Dataset<Row> rows, WriteOptions options) {
        requireWrite();
        FeatureKey key = feature instanceof FeatureKey k ? k : keyOf(feature);
        Dataset<Row> in = inStoreSession(rows);
        if (SystemTables.isSystemKey(key)) {
            tables.append(spark(), key, tableName(key), in, tableExists(key));
            return;
        }
        FeatureSpec spec = graph().spec(key);
        FeaturePlan plan = FeaturePlan.of(graph(), key);
        boolean byFieldIsMap = validateIncoming(spec, plan, in.schema());
        boolean exists = tableExists(key);
        if (!exists && !autoCreateTables) {
            throw new MetadataStoreException("Table '" + tableName(key) + "' does not exist for feature " + key
                + ". Enable auto_create_tables=True to automatically create tables, or create the table first.");
        }
        if (exists) {
            SparkColumnTypes.requireCompatible(sql("SELECT * FROM " + tables.reference(key, tableName(key))).schema(), in.schema(),
                tableUri(key));
        }
        String matId = options.materializationIdOverride().orElse(materializationId);
        Instant ts = Instant.now().truncatedTo(ChronoUnit.MICROS);
        SparkSystemColumns.Stamp stamp = new SparkSystemColumns.Stamp(graph().versions().featureVersion(key),
            projectVersionForWrites(graph()), options.preserveFeatureVersion(), ts, matId, softDeleteInProgress);
        List<String> fieldKeys = new ArrayList<>();
        plan.fields().forEach(f -> fieldKeys.add(f.structKey()));
        SparkSystemColumns select = new SparkSystemColumns(dialect, engine, fieldKeys, plan.sortedStructKeys())
            .sourceIsMap(byFieldIsMap).sourceStructKeys(structKeys(in.schema(), SystemColumns.PROVENANCE_BY_FIELD));
        String source = view(in, "incoming");
        Dataset<Row> out = sql(select.select(List.of(in.columns()), q(source), stamp));
        tables.append(spark(), key, tableName(key), out, exists);
    }

    private static List<String> structKeys(StructType schema, String column) {
        List<String> out = new ArrayList<>();
        for (StructField f : schema.fields()) {
            if (f.name().equals(column) && f.dataType() instanceof StructType st) {
                for (StructField c : st.fields()) {
                    out.add(c.name());
                }
            }
        }
        return out;
    }

    /** Checks the incoming schema before anything is written; returns whether its by-field column is a MAP. */
    private static boolean validateIncoming(FeatureSpec spec, FeaturePlan plan, StructType schema) {
        String key = spec.key().toString();
        Map<String, DataType> types = new LinkedHashMap<>();
        for (StructField f : schema.fields()) {
            types.put(f.name(), f.dataType());
        }
        if (!types.containsKey(SystemColumns.PROVENANCE_BY_FIELD)) {
            throw new MetadataSchemaException("DataFrame must have '" + SystemColumns.PROVENANCE_BY_FIELD
                + "' column (feature " + key + "; columns: " + List.copyOf(types.keySet()) + ")");
        }
        for (String id : spec.idColumns()) {
            if (!types.containsKey(id)) {
                throw new MetadataSchemaException("Feature " + key + ": the frame lacks id column '" + id + "' (columns: "
                    + List.copyOf(types.keySet()) + ")");
            }
        }
        boolean isMap = false;
        for (String col : List.of(SystemColumns.PROVENANCE_BY_FIELD, SystemColumns.DATA_VERSION_BY_FIELD)) {
            DataType t = types.get(col);
            if (t == null) {
                continue;
            }
            if (t instanceof MapType) {
                isMap = true;
            } else if (t instanceof StructType st) {
                List<String> children = List.of(st.fieldNames());
                for (FeaturePlan.FieldPlan fp : plan.fields()) {
                    if (!children.contains(fp.structKey())) {
                        throw new MetadataSchemaException("Feature " + key + ": '" + col + "' has no entry for field '"
                            + fp.structKey() + "' (it has " + children + ")");
                    }
                }
            } else {
                throw new MetadataSchemaException("'" + col + "' column must be a Struct or Map, got " + t.simpleString()
                    + " (feature " + key + ")");
            }
        }
        for (String col : List.of(SystemColumns.PROVENANCE, SystemColumns.DATA_VERSION, SystemColumns.FEATURE_VERSION,
            SystemColumns.PROJECT_VERSION, SystemColumns.MATERIALIZATION_ID)) {
            DataType t = types.get(col);
            if (t != null && !(t instanceof StringType) && !(t instanceof org.apache.spark.sql.types.NullType)) {
                throw new MetadataSchemaException("Feature " + key + ": column '" + col + "' must be a string, got " + t.simpleString());
            }
        }
        return isMap;
    }

    // ------------------------------------------------------------------ read

    @Override
    public LazyFrame read(Object feature, ReadOptions options) {
        requireOpen();
        ExternalFeatures.autoSync(this);
        return read(graph(), keyOf(feature), options);
    }

    /** A store read as a Dataset: the same rows as {@link #read}, planned on the cluster. */
    public Dataset<Row> readDataset(Object feature, ReadOptions options) {
        return ((SparkLazyFrame) read(feature, options)).dataset();
    }

    public Dataset<Row> readDataset(Object feature) {
        return readDataset(feature, ReadOptions.defaults());
    }

    private SparkLazyFrame read(FeatureGraph g, FeatureKey key, ReadOptions options) {
        return (SparkLazyFrame) readFrom(g, key, options).frame();
    }

    @Override
    public StoreRead readWithStoreInfo(Object feature, ReadOptions options) {
        requireOpen();
        ExternalFeatures.autoSync(this);
        return readFrom(graph(), keyOf(feature), options);
    }

    private StoreRead readFrom(FeatureGraph g, FeatureKey key, ReadOptions options) {
        if (options.featureVersionFilter().isPresent() && !options.isWithFeatureHistory()) {
            throw new IllegalArgumentException("Cannot specify both feature_version and with_feature_history=False. "
                + "Use with_feature_history=True with feature_version parameter.");
        }
        if (tableExists(key)) {
            SqlRelation table = tableRelation(key);
            ReadOrder.requireColumns(key, table.columns(), options);
            SqlRelation rel = readRelation(g, key, table, options);
            return new StoreRead(new SparkLazyFrame(this, ReadOrder.apply(rel.sql(), options, this::q), rel.columns()), this);
        }
        if (options.isAllowFallback()) {
            Optional<FallbackRows> found = readFromFallbacks(fallbackStores, key, options);
            if (found.isPresent()) {
                String v;
                List<String> cols;
                try (Frame f = found.get().rows()) {
                    v = view(SparkFrames.toDataset(spark(), f), "fallback");
                    cols = f.columnNames();
                }
                return new StoreRead(new SparkLazyFrame(this, ReadOrder.apply("SELECT * FROM " + q(v), options, this::q), cols),
                    found.get().store());
            }
        }
        throw new FeatureNotInStoreException(key, options.isAllowFallback() && !fallbackStores.isEmpty());
    }

    @Override
    public List<MetadataStore> fallbackStores() {
        return fallbackStores;
    }

    /** Delta tables are located by {@code uri}, Iceberg tables by {@code identifier}. */
    @Override
    protected Map<String, String> storeDetails(FeatureKey key) {
        return Map.of(format == Format.DELTA ? "uri" : "identifier", tableUri(key));
    }

    @Override
    public org.apache.arrow.vector.types.pojo.Schema readFeatureSchemaFromStore(Object feature) {
        requireOpen();
        String rows = read(graph(), keyOf(feature), ReadOptions.defaults().allowFallback(false)).query();
        try (Frame none = lazy("SELECT * FROM (" + rows + ") AS s WHERE 1 = 0").collect()) {
            return none.schema();
        }
    }

    @Override
    public LazyFrame computeProvenance(Object feature, Frame joined) {
        requireOpen();
        FeaturePlan plan = FeaturePlan.of(graph(), keyOf(feature));
        ProvenanceInput input = ProvenanceInput.of(plan, joined.schema());
        String v = view(SparkFrames.toDataset(spark(), joined), "provenance");
        return lazy(engine.provenanceQuery(plan, SqlRelation.table(dialect, v, joined.columnNames()), input).sql());
    }

    private SqlRelation readRelation(FeatureGraph g, FeatureKey key, SqlRelation table, ReadOptions options) {
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
            options.isIncludeSoftDeleted(), options.isWithSampleHistory(), columns);
    }

    // ------------------------------------------------------------------ resolve_update

    @Override
    public LazyIncrement resolveUpdateLazy(Object feature, ResolveOptions options) {
        requireOpen();
        ExternalFeatures.autoSync(this);
        return increment(keyOf(feature), options, null, false);
    }

    /**
     * The eager increment. The expected rows are computed once and cached for the three parts, so upstream joins
     * and hashing run once rather than once per part.
     */
    @Override
    public Increment resolveUpdate(Object feature, ResolveOptions options) {
        requireOpen();
        ExternalFeatures.autoSync(this);
        List<Dataset<Row>> cached = new ArrayList<>();
        try {
            return dropViewsAfter(() -> increment(keyOf(feature), options, null, true, cached).collect());
        } finally {
            cached.forEach(Dataset::unpersist);
        }
    }

    /**
     * The increment as Datasets, for data that must stay on the cluster. {@code samples} (may be null) replaces
     * {@link ResolveOptions#samplesFrame()} for root features: ids plus {@code metaxy_provenance_by_field}.
     */
    public SparkIncrement resolveUpdateDatasets(Object feature, ResolveOptions options, Dataset<Row> samples) {
        requireOpen();
        LazyIncrement inc = increment(keyOf(feature), options, samples == null ? null : inStoreSession(samples), false);
        return new SparkIncrement(((SparkLazyFrame) inc.newSamples()).dataset(), ((SparkLazyFrame) inc.stale()).dataset(),
            ((SparkLazyFrame) inc.orphaned()).dataset());
    }

    public SparkIncrement resolveUpdateDatasets(Object feature, ResolveOptions options) {
        return resolveUpdateDatasets(feature, options, null);
    }

    private LazyIncrement increment(FeatureKey key, ResolveOptions options, Dataset<Row> samples, boolean cache) {
        return increment(key, options, samples, cache, null);
    }

    private LazyIncrement increment(FeatureKey key, ResolveOptions options, Dataset<Row> samples, boolean cache,
                                    List<Dataset<Row>> cached) {
        if (SystemTables.isSystemKey(key)) {
            throw new UnsupportedOperationException("Delete operations are not yet supported for system tables.");
        }
        FeaturePlan plan = FeaturePlan.of(graph(), key);
        List<Expression> targetFilters = new ArrayList<>(options.filters().getOrDefault(key, List.of()));
        targetFilters.addAll(options.globalFilters());
        targetFilters.addAll(options.targetFilters());
        SqlRelation expected = expectedRelation(graph(), plan, options, samples, targetFilters);
        if (cache && cached != null) {
            Dataset<Row> ds = sql(expected.sql()).persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
            cached.add(ds);
            expected = SqlRelation.query("SELECT * FROM " + q(view(ds, "expected")), expected.columns());
        }
        if (options.isSkipComparison() || !tableExists(key)) {
            String empty = "SELECT * FROM (" + expected.sql() + ") AS e WHERE false";
            return new LazyIncrement(lazy(expected.sql()), lazy(empty), lazy(empty));
        }
        ReadOptions currentOptions = ReadOptions.defaults().allowFallback(false).filters(targetFilters);
        SqlRelation current = readRelation(graph(), key, tableRelation(key), currentOptions);
        IncrementQueries q = engine.incrementQueries(plan, expected, current, options.stalenessPredicates());
        return new LazyIncrement(lazy(q.newRows().sql()), lazy(q.staleRows().sql()), lazy(q.orphanedRows().sql()));
    }

    /** The expected rows of {@code plan}'s feature under graph {@code g}: from samples, or from upstream reads. */
    private SqlRelation expectedRelation(FeatureGraph g, FeaturePlan plan, ResolveOptions options, Dataset<Row> samples,
                                         List<Expression> targetFilters) {
        FeatureKey key = plan.key();
        if (samples != null) {
            return samplesRelation(plan, samples, targetFilters);
        }
        if (options.samplesFrame().isPresent()) {
            Frame f = options.samplesFrame().get();
            validateIncoming(plan.target(), plan, SparkFrames.sparkSchema(f.schema()));
            return samplesRelation(plan, SparkFrames.toDataset(spark(), f), targetFilters);
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
            SparkLazyFrame up = read(g, dep.upstream(), ro);
            upstream.put(dep.upstream(), SqlRelation.query(up.query(), up.columns()));
        }
        Map<FeatureKey, List<String>> columns = new LinkedHashMap<>();
        upstream.forEach((k, r) -> columns.put(k, r.columns()));
        plan.requireNoColumnCollisions(columns);
        return engine.expectedQuery(plan, upstream, null);
    }

    private SqlRelation samplesRelation(FeaturePlan plan, Dataset<Row> samples, List<Expression> targetFilters) {
        FeatureSpec spec = plan.target();
        Dataset<Row> in = inStoreSession(samples);
        boolean isMap = validateIncoming(spec, plan, in.schema());
        String v = view(in, "samples");
        List<String> fieldKeys = new ArrayList<>();
        plan.fields().forEach(f -> fieldKeys.add(f.structKey()));
        SparkSystemColumns select = new SparkSystemColumns(dialect, engine, fieldKeys, plan.sortedStructKeys()).sourceIsMap(isMap);
        List<String> inColumns = List.of(in.columns());
        List<String> cols = new ArrayList<>(inColumns);
        cols.remove(SystemColumns.PROVENANCE);
        StringBuilder where = new StringBuilder();
        SqlRenderer renderer = new SqlRenderer(dialect);
        for (Expression e : targetFilters) {
            Expressions.requireColumns(e, inColumns);
            where.append(where.length() == 0 ? " WHERE " : " AND ").append(renderer.render(e));
        }
        String source = "(SELECT " + String.join(", ", cols.stream().map(this::q).toList()) + " FROM " + q(v) + where + ") AS s0";
        String full = select.select(cols, source, new SparkSystemColumns.Stamp("", "", false, Instant.EPOCH, null, false));
        List<String> keep = new ArrayList<>();
        for (String c : inColumns) {
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

    private SparkLazyFrame lazy(String sql) {
        return new SparkLazyFrame(this, sql);
    }

    // ------------------------------------------------------------------ rebase

    @Override
    public LazyFrame rebase(Object feature, Frame frame, String toFeatureVersion) {
        requireOpen();
        return lazy(rebaseSql(keyOf(feature), SparkFrames.toDataset(spark(), frame), toFeatureVersion));
    }

    /** {@link #rebase} over a Dataset; the result is a plan (nothing is written). */
    public Dataset<Row> rebaseDataset(Object feature, Dataset<Row> rows, String toFeatureVersion) {
        requireOpen();
        return sql(rebaseSql(keyOf(feature), inStoreSession(rows), toFeatureVersion));
    }

    private String rebaseSql(FeatureKey key, Dataset<Row> rows, String toFeatureVersion) {
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
        SqlRelation expected = expectedRelation(target, plan, ResolveOptions.defaults(), null, List.of());
        List<String> ids = plan.target().idColumns();
        String v = view(rows, "rebase");
        List<String> columns = List.of(rows.columns());
        List<String> items = new ArrayList<>();
        boolean hasDv = columns.contains(SystemColumns.DATA_VERSION) && columns.contains(SystemColumns.PROVENANCE);
        for (String c : columns) {
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
        String projectVersion = target == graph() ? projectVersionForWrites(target) : target.versions().projectVersion();
        items.add(dialect.stringLiteral(projectVersion) + " AS " + q(SystemColumns.PROJECT_VERSION));
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
        return "SELECT " + String.join(", ", items) + " FROM " + q(v) + " AS w JOIN (SELECT " + String.join(", ", eCols)
            + " FROM (" + expected.sql() + ") AS x) AS e ON " + String.join(" AND ", on);
    }

    // ------------------------------------------------------------------ delete

    @Override
    public long delete(Object feature, Expression filter, DeleteOptions options) {
        return dropViewsAfter(() -> deleteRows(feature, filter, options));
    }

    private long deleteRows(Object feature, Expression filter, DeleteOptions options) {
        requireWrite();
        FeatureKey key = keyOf(feature);
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
            Dataset<Row> rows;
            try {
                // Materialised first: the tombstones are appended to the very table they are read from.
                rows = read(graph(), key, ro).dataset().localCheckpoint(true);
            } catch (FeatureNotInStoreException e) {
                return 0;
            }
            long n = rows.count();
            if (n == 0) {
                return 0;
            }
            Instant ts = Instant.now().truncatedTo(ChronoUnit.MICROS);
            List<String> items = new ArrayList<>();
            for (String c : rows.columns()) {
                items.add(c.equals(SystemColumns.DELETED_AT) ? SparkSystemColumns.timestamp(ts) + " AS " + q(c) : q(c));
            }
            if (!List.of(rows.columns()).contains(SystemColumns.DELETED_AT)) {
                items.add(SparkSystemColumns.timestamp(ts) + " AS " + q(SystemColumns.DELETED_AT));
            }
            Dataset<Row> tomb = sql("SELECT " + String.join(", ", items) + " FROM " + q(view(rows, "tombstones")));
            softDeleteInProgress = true;
            try {
                writeDataset(key, tomb, WriteOptions.defaults());
            } finally {
                softDeleteInProgress = false;
            }
            return n;
        }
        if (!tableExists(key)) {
            if (filter == null && options.isWithFeatureHistory()) {
                throw new MetadataStoreException("Table '" + tableName(key) + "' does not exist for feature " + key);
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
        String where = conditions.isEmpty() ? null : String.join(" AND ", conditions);
        long n = sql("SELECT count(*) FROM " + tables.reference(key, tableName(key)) + (where == null ? "" : " WHERE " + where))
            .first().getLong(0);
        if (n > 0 || where == null) {
            tables.delete(spark(), key, tableName(key), where);
        }
        return n;
    }

    // ------------------------------------------------------------------ system tables

    @Override
    public void appendSystemRows(FeatureKey systemKey, Frame rows) {
        requireWrite();
        tables.append(spark(), systemKey, tableName(systemKey), SparkFrames.toDataset(spark(), rows), tableExists(systemKey));
    }

    @Override
    public Optional<Frame> readSystemRows(FeatureKey systemKey) {
        requireOpen();
        if (!tableExists(systemKey)) {
            return Optional.empty();
        }
        return Optional.of(SparkFrames.toFrame(sql("SELECT * FROM " + tables.reference(systemKey, tableName(systemKey)))));
    }

    private String q(String name) {
        return dialect.quoteIdentifier(name);
    }

    /** Builder for {@link SparkMetadataStore}. */
    public static final class Builder {
        private final FeatureGraph graph;
        private SparkSession spark;
        private String master;
        private Map<String, String> sparkConf = Map.of();
        private Format format = Format.DELTA;
        private String rootPath;
        private boolean nestedLayout = true;
        private Map<String, String> deltaWriteOptions = Map.of();
        private String catalog = "metaxy";
        private String namespace = "metaxy";
        private HashAlgorithm hashAlgorithm = DEFAULT_HASH_ALGORITHM;
        private boolean mapDatatype;
        private boolean autoCreateTables;
        private String materializationId;
        private List<MetadataStore> fallbackStores = List.of();

        private Builder(FeatureGraph graph) {
            this.graph = Objects.requireNonNull(graph, "graph");
        }

        /** Uses this session (the caller's, e.g. on a cluster); otherwise one is built from master and spark_conf. */
        public Builder spark(SparkSession session) {
            this.spark = session;
            return this;
        }

        /** The master of a session the store builds, e.g. {@code local[2]}; null keeps spark-submit's. */
        public Builder master(String master) {
            this.master = master;
            return this;
        }

        /** Settings of a session the store builds. */
        public Builder sparkConf(Map<String, String> conf) {
            this.sparkConf = Map.copyOf(conf);
            return this;
        }

        public Builder format(Format format) {
            this.format = Objects.requireNonNull(format, "format");
            return this;
        }

        /** Root of the Delta tables: a local path or a Hadoop URI ({@code s3a://bucket/prefix}). */
        public Builder rootPath(String root) {
            this.rootPath = root;
            return this;
        }

        public Builder rootPath(Path root) {
            return rootPath(root.toString());
        }

        /** {@code nested} (default, {@code <root>/a/b.delta}) or {@code flat} ({@code <root>/a__b.delta}). */
        public Builder layout(String layout) {
            this.nestedLayout = switch (layout) {
                case "nested" -> true;
                case "flat" -> false;
                default -> throw new IllegalArgumentException("Invalid layout: " + layout + ". Must be 'flat' or 'nested'.");
            };
            return this;
        }

        /** Extra Delta writer options; a {@code mode} other than {@code append} is refused (the store only appends). */
        public Builder deltaWriteOptions(Map<String, String> options) {
            String mode = options.get("mode");
            if (mode != null && !"append".equals(mode)) {
                throw new IllegalArgumentException("delta_write_options sets mode '" + mode + "'; the metadata store only appends");
            }
            this.deltaWriteOptions = Map.copyOf(options);
            return this;
        }

        /** The Spark catalog holding Iceberg tables (default {@code metaxy}). */
        public Builder catalog(String catalog) {
            this.catalog = Objects.requireNonNull(catalog, "catalog");
            return this;
        }

        /** The Iceberg namespace (default {@code metaxy}). */
        public Builder namespace(String namespace) {
            this.namespace = Objects.requireNonNull(namespace, "namespace");
            return this;
        }

        public Builder hashAlgorithm(HashAlgorithm algorithm) {
            this.hashAlgorithm = Objects.requireNonNull(algorithm, "algorithm");
            return this;
        }

        public Builder enableMapDatatype(boolean enable) {
            this.mapDatatype = enable;
            return this;
        }

        public Builder autoCreateTables(boolean enable) {
            this.autoCreateTables = enable;
            return this;
        }

        public Builder materializationId(String id) {
            this.materializationId = id;
            return this;
        }

        public Builder fallbackStores(List<MetadataStore> stores) {
            this.fallbackStores = List.copyOf(stores);
            return this;
        }

        public SparkMetadataStore build() {
            return new SparkMetadataStore(this);
        }
    }
}
