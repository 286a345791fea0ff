package dev.metaxy.sql;

import dev.metaxy.external.ExternalFeatures;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.definition.SystemColumns;
import dev.metaxy.expr.Expression;
import dev.metaxy.expr.Expressions;
import dev.metaxy.expr.SqlRenderer;
import dev.metaxy.frame.Frame;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.store.AbstractMetadataStore;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.DeleteOptions;
import dev.metaxy.store.FeatureNotInStoreException;
import dev.metaxy.store.Increment;
import dev.metaxy.store.LazyFrame;
import dev.metaxy.store.LazyIncrement;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.MetadataStoreException;
import dev.metaxy.store.ReadOptions;
import dev.metaxy.store.ResolveOptions;
import dev.metaxy.store.StoreRead;
import dev.metaxy.store.WriteOptions;
import dev.metaxy.system.GraphSnapshots;
import dev.metaxy.system.SystemTables;
import dev.metaxy.versioning.FeaturePlan;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A store whose reads, increments, deletes and rebases are SQL run inside its database through the
 * {@link SqlVersioningEngine}: this class holds that orchestration (write checks and stamping, de-duplicating reads
 * with fallback stores, expected rows from samples or upstream reads, increments, soft and hard deletes, rebase),
 * and a backend supplies the small physical seam below: statements, tables, loading frames, appending rows.
 */
public abstract class SqlMetadataStore extends AbstractMetadataStore {
    private final VersioningDialect dialect;
    private final boolean mapDatatype;
    private final boolean autoCreateTables;
    private final String materializationId;
    private final String tablePrefix;
    private final List<MetadataStore> fallbackStores;
    private volatile SqlVersioningEngine engine;
    private boolean softDeleteInProgress;
    /** Temporary tables holding resolve samples, in creation order; an eager resolve drops those it created. */
    private final List<String> sampleTemps = Collections.synchronizedList(new ArrayList<>());

    /** A store with the options of {@code b}, computing in {@code dialect}; fallback stores must hash alike. */
    protected SqlMetadataStore(SqlStoreBuilder<?> b, VersioningDialect dialect) {
        super(b.graph, b.hashAlgorithm);
        this.dialect = java.util.Objects.requireNonNull(dialect, "dialect");
        this.mapDatatype = b.mapDatatype;
        this.autoCreateTables = b.autoCreateTables;
        this.materializationId = b.materializationId;
        this.tablePrefix = b.tablePrefix;
        this.fallbackStores = List.copyOf(b.fallbackStores);
        for (int i = 0; i < fallbackStores.size(); i++) {
            MetadataStore fb = fallbackStores.get(i);
            if (fb.hashAlgorithm() != b.hashAlgorithm) {
                throw new IllegalArgumentException("Fallback store " + i + " uses hash_algorithm='" + fb.hashAlgorithm().configName()
                    + "' but this store uses '" + b.hashAlgorithm.configName() + "'. All stores in a fallback chain must use the same hash algorithm.");
            }
        }
    }

    // ------------------------------------------------------------------ the backend seam

    /** The table of a feature, as named in messages. */
    public abstract String tableName(FeatureKey key);

    /** Whether the feature (or system table) has a table in this store. */
    protected abstract boolean tableExists(FeatureKey key);

    /** The whole existing table of {@code key}, with its columns. */
    protected abstract SqlRelation tableRelation(FeatureKey key);

    /** The column names of a SELECT statement, in order. */
    protected abstract List<String> columnsOf(String selectSql);

    /** Runs a statement that returns no rows. */
    protected abstract void execute(String sql);

    /** Loads {@code frame} into a new temporary table of the session and returns its (unquoted) name. */
    protected abstract String importFrame(Frame frame, String purpose);

    /** A lazy result of {@code selectSql}, whose rows belong to {@code key}. */
    protected abstract LazyFrame lazy(FeatureKey key, String selectSql);

    /**
     * The SELECT turning rows of {@code columns} read from the FROM item {@code source} into feature-table rows: the
     * by-field columns rebuilt, provenance computed where absent, and the {@code stamp} applied.
     *
     * @param sourceIsMap       whether the source's by-field columns are MAPs
     * @param sourceStructKeys  the child names of a STRUCT source by-field column (empty when unknown or not a STRUCT)
     */
    protected abstract String systemColumnsSelect(FeaturePlan plan, List<String> columns, String source, SystemColumnsStamp stamp,
                                                  boolean sourceIsMap, List<String> sourceStructKeys);

    /**
     * Loads {@code frame} and appends the rows of {@code select.apply(fromItemOfTheLoadedRows)} to {@code key}'s table,
     * creating the table when missing (the existence checks have passed). Nothing is written on failure.
     */
    protected abstract void appendFrame(FeatureKey key, Frame frame, UnaryOperator<String> select);

    /**
     * Appends a tombstone (the row with {@code metaxy_deleted_at} set to now) for each of {@code rows}, the current
     * rows of the delete's scope, and returns how many; see {@link #stamp} and {@link #requireTable}.
     */
    protected abstract long appendTombstones(FeatureKey key, LazyFrame rows);

    /** Physically removes the rows of {@code key}'s existing table for which {@code condition} (null: all) holds. */
    protected abstract long deleteRows(FeatureKey key, String condition);

    /** Removes the table of {@code key} (nothing when missing). */
    protected abstract void dropTable(FeatureKey key);

    /** Releases the connection (outermost close). */
    protected abstract void closeConnection();

    /**
     * Whether an eager resolve first computes the increment (or, where it cannot be one join, the expected rows) into a
     * temporary table its three parts read, so upstream reads, hashes and the current rows' deduplication run once.
     */
    protected boolean materializesIncrement() {
        return false;
    }

    /** A text-typed SQL literal of {@code value}. */
    protected String textLiteral(String value) {
        return dialect.stringLiteral(value);
    }

    // ------------------------------------------------------------------ shared state

    protected final VersioningDialect dialect() {
        return dialect;
    }

    /** The versioning engine, created on first use (unsupported hash algorithms fail here). */
    protected final SqlVersioningEngine engine() {
        SqlVersioningEngine e = engine;
        if (e == null) {
            e = new SqlVersioningEngine(dialect, hashAlgorithm(), graph().truncation());
            engine = e;
        }
        return e;
    }

    /** Whether {@code *_by_field} columns are returned (and, where the database has the type, stored) as MAP. */
    protected final boolean mapDatatype() {
        return mapDatatype;
    }

    protected final boolean autoCreateTables() {
        return autoCreateTables;
    }

    /** The prefix of every table name. */
    protected final String tablePrefix() {
        return tablePrefix;
    }

    protected final String q(String name) {
        return dialect.quoteIdentifier(name);
    }

    @Override
    protected final void closePhysically() {
        try {
            closeConnection();
        } finally {
            sampleTemps.clear();
        }
    }

    // ------------------------------------------------------------------ tables

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
        dropTable(keyOf(feature));
    }

    @Override
    public Optional<Frame> readSystemRows(FeatureKey systemKey) {
        requireOpen();
        if (!tableExists(systemKey)) {
            return Optional.empty();
        }
        return Optional.of(lazy(systemKey, tableRelation(systemKey).sql()).collect());
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
        FeaturePlan plan = FeaturePlan.of(graph(), key);
        boolean byFieldIsMap = IncomingFrames.validate(plan, frame);
        List<String> incomingKeys = IncomingFrames.structKeys(frame, SystemColumns.PROVENANCE_BY_FIELD);
        requireTable(key);
        SystemColumnsStamp stamp = stamp(key, options);
        appendFrame(key, frame, source -> systemColumnsSelect(plan, frame.columnNames(), source, stamp, byFieldIsMap, incomingKeys));
    }

    /** Fails unless the feature's table exists or tables are created on first write. */
    protected final void requireTable(FeatureKey key) {
        if (!autoCreateTables && !tableExists(key)) {
            throw new MetadataStoreException("Table '" + tableName(key) + "' does not exist for feature " + key
                + ". Enable auto_create_tables=True to automatically create tables, or create the table first.");
        }
    }

    /** The stamp of a write of {@code key} now (a tombstone's during a soft delete). */
    protected final SystemColumnsStamp stamp(FeatureKey key, WriteOptions options) {
        return new SystemColumnsStamp(graph().versions().featureVersion(key), projectVersionForWrites(graph()),
            options.preserveFeatureVersion(), Instant.now().truncatedTo(ChronoUnit.MICROS),
            options.materializationIdOverride().orElse(materializationId), softDeleteInProgress);
    }

    // ------------------------------------------------------------------ read

    @Override
    public LazyFrame read(Object feature, ReadOptions options) {
        requireOpen();
        ExternalFeatures.autoSync(this);
        return read(graph(), keyOf(feature), options);
    }

    /** A read of {@code key} under graph {@code g} (the current graph or a pushed snapshot). */
    LazyFrame read(FeatureGraph g, FeatureKey key, ReadOptions options) {
        return readFrom(g, key, options).frame();
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
            return new StoreRead(lazy(key, ReadOrder.apply(readSql(g, key, table, options), options, this::q)), this);
        }
        if (options.isAllowFallback()) {
            Optional<FallbackRows> found = readFromFallbacks(fallbackStores, key, options);
            if (found.isPresent()) {
                String temp;
                try (Frame f = found.get().rows()) {
                    temp = importFrame(f, "fallback");
                }
                return new StoreRead(lazy(key, ReadOrder.apply("SELECT * FROM " + q(temp), options, this::q)), found.get().store());
            }
        }
        throw new FeatureNotInStoreException(key, options.isAllowFallback() && !fallbackStores.isEmpty());
    }

    @Override
    public List<MetadataStore> fallbackStores() {
        return fallbackStores;
    }

    @Override
    protected java.util.Map<String, String> storeDetails(FeatureKey key) {
        return java.util.Map.of("table_name", tableName(key));
    }

    @Override
    public org.apache.arrow.vector.types.pojo.Schema readFeatureSchemaFromStore(Object feature) {
        requireOpen();
        FeatureKey key = keyOf(feature);
        String rows = read(graph(), key, ReadOptions.defaults().allowFallback(false)).query();
        try (Frame none = lazy(key, "SELECT * FROM (" + rows + ") AS s WHERE 1 = 0").collect()) {
            return none.schema();
        }
    }

    // ------------------------------------------------------------------ compute_provenance

    @Override
    public LazyFrame computeProvenance(Object feature, Frame joined) {
        requireOpen();
        FeatureKey key = keyOf(feature);
        FeaturePlan plan = FeaturePlan.of(graph(), key);
        ProvenanceInput input = ProvenanceInput.of(plan, joined.schema());
        String temp = importFrame(joined, "provenance");
        return lazy(key, engine().provenanceQuery(plan, SqlRelation.table(dialect, temp, joined.columnNames()), input).sql());
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
        return engine().readQuery(table, g.spec(key).idColumns(), version, options.filters(),
            options.isIncludeSoftDeleted(), options.isWithSampleHistory(), columns).sql();
    }

    // ------------------------------------------------------------------ resolve_update

    @Override
    public LazyIncrement resolveUpdateLazy(Object feature, ResolveOptions options) {
        requireOpen();
        ExternalFeatures.autoSync(this);
        return increment(keyOf(feature), options, null);
    }

    /**
     * The eager increment. Temporary tables made for it (the copy of the samples, and the increment when
     * {@link #materializesIncrement()}) are dropped afterwards: a long-lived session would otherwise keep them
     * until it closes.
     */
    @Override
    public Increment resolveUpdate(Object feature, ResolveOptions options) {
        requireOpen();
        ExternalFeatures.autoSync(this);
        List<String> drop = new ArrayList<>();
        int mark = sampleTemps.size();
        try {
            return increment(keyOf(feature), options, materializesIncrement() ? drop : null).collect();
        } finally {
            synchronized (sampleTemps) {
                List<String> mine = sampleTemps.subList(Math.min(mark, sampleTemps.size()), sampleTemps.size());
                drop.addAll(mine);
                mine.clear();
            }
            if (!drop.isEmpty() && isOpen()) {
                drop.forEach(t -> execute("DROP TABLE IF EXISTS " + q(t)));
            }
        }
    }

    /**
     * The increment queries; with {@code materialized} non-null the work is done once into a temp table added to it:
     * the joined increment, or (when the current rows may repeat a join key) the expected rows. Nothing is
     * materialised when every expected row is new (comparison skipped, or no table yet).
     */
    private LazyIncrement increment(FeatureKey key, ResolveOptions options, List<String> materialized) {
        if (SystemTables.isSystemKey(key)) {
            throw new UnsupportedOperationException("Delete operations are not yet supported for system tables.");
        }
        FeaturePlan plan = FeaturePlan.of(graph(), key);
        List<Expression> targetFilters = new ArrayList<>(options.filters().getOrDefault(key, List.of()));
        targetFilters.addAll(options.globalFilters());
        targetFilters.addAll(options.targetFilters());
        SqlRelation expected = new ExpectedRows(this, sampleTemps).of(graph(), plan, options, targetFilters);
        if (options.isSkipComparison() || !tableExists(key)) {
            String empty = "SELECT * FROM (" + expected.sql() + ") AS e WHERE false";
            return new LazyIncrement(lazy(key, expected.sql()), lazy(key, empty), lazy(key, empty));
        }
        ReadOptions currentOptions = ReadOptions.defaults().allowFallback(false).filters(targetFilters);
        String currentSql = readSql(graph(), key, tableRelation(key), currentOptions);
        SqlRelation current = SqlRelation.query(currentSql, columnsOf(currentSql));
        IncrementQueries q;
        Optional<JoinedIncrement> joined = materialized == null ? Optional.empty()
            : engine().joinedIncrement(plan, expected, current, options.stalenessPredicates());
        if (joined.isPresent()) {
            q = joined.get().parts(dialect, materialize("increment", joined.get().query().sql(), materialized));
        } else {
            if (materialized != null) {
                expected = SqlRelation.table(dialect, materialize("expected", expected.sql(), materialized), expected.columns());
            }
            q = engine().incrementQueries(plan, expected, current, options.stalenessPredicates());
        }
        return new LazyIncrement(lazy(key, q.newRows().sql()), lazy(key, q.staleRows().sql()), lazy(key, q.orphanedRows().sql()));
    }

    /** Runs {@code selectSql} into a new temporary table, added to {@code temps}, and returns its name. */
    private String materialize(String what, String selectSql, List<String> temps) {
        String temp = "__metaxy_" + what + "_" + System.nanoTime();
        execute("CREATE TEMP TABLE " + q(temp) + " AS " + selectSql);
        temps.add(temp);
        return temp;
    }

    // ------------------------------------------------------------------ rebase

    /**
     * Rebase as one query in the database: the given rows joined on the id columns with the expected provenance under
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
        String targetProjectVersion = projectVersionForWrites(graph());
        if (toFeatureVersion != null && !toFeatureVersion.equals(graph().versions().featureVersion(key))) {
            GraphSnapshots snapshots = new GraphSnapshots(this);
            String projectVersion = snapshots.projectVersionOf(key, toFeatureVersion).orElseThrow(() -> new IllegalArgumentException(
                "Feature version '" + toFeatureVersion + "' for '" + key + "' not found in system storage. Run `metaxy push` first."));
            target = snapshots.loadGraph(projectVersion, graph().truncation());
            targetProjectVersion = target.versions().projectVersion();
        }
        FeaturePlan plan = FeaturePlan.of(target, key);
        SqlRelation expected = new ExpectedRows(this, sampleTemps).of(target, plan, ResolveOptions.defaults(), List.of());
        String temp = importFrame(frame, "rebase");
        return lazy(key, new RebaseQuery(dialect, this::textLiteral).sql(frame.columnNames(), q(temp), expected,
            plan.target().idColumns(), target.versions().featureVersion(key), targetProjectVersion));
    }

    // ------------------------------------------------------------------ delete

    @Override
    public long delete(Object feature, Expression filter, DeleteOptions options) {
        requireWrite();
        FeatureKey key = keyOf(feature);
        if (options.isSoft()) {
            return softDelete(key, filter, options);
        }
        if (!tableExists(key)) {
            if (filter == null && options.isWithFeatureHistory()) {
                throw new MetadataStoreException("Table '" + tableName(key) + "' does not exist for feature " + key);
            }
            throw new FeatureNotInStoreException(key, false);
        }
        SqlRelation rel = tableRelation(key);
        List<String> conditions = new ArrayList<>();
        if (!options.isWithFeatureHistory() && !SystemTables.isSystemKey(key)) {
            conditions.add(q(SystemColumns.FEATURE_VERSION) + " = " + dialect.stringLiteral(graph().versions().featureVersion(key)));
        }
        if (filter != null) {
            Expressions.requireColumns(filter, rel.columns());
            conditions.add(new SqlRenderer(dialect).render(filter));
        }
        return deleteRows(key, conditions.isEmpty() ? null : String.join(" AND ", conditions));
    }

    private long softDelete(FeatureKey key, Expression filter, DeleteOptions options) {
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
        LazyFrame rows;
        try {
            rows = read(key, ro);
        } catch (FeatureNotInStoreException e) {
            return 0;
        }
        softDeleteInProgress = true;
        try {
            return appendTombstones(key, rows);
        } finally {
            softDeleteInProgress = false;
        }
    }
}
