package dev.metaxy.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metaxy.definition.FeatureKey;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.SystemColumns;
import dev.metaxy.frame.Frame;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.FeatureNotInStoreException;
import dev.metaxy.store.Increment;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.ReadOptions;
import dev.metaxy.store.ResolveOptions;
import dev.metaxy.versioning.ReferenceEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The base of the reusable store contract: every topic class ({@link LifecycleContract}, {@link WriteContract},
 * {@link ReadContract}, {@link ResolveUpdateContract}, {@link DeleteContract}, {@link FallbackContract},
 * {@link SystemTablesContract}, {@link BufferedWriterContract}, {@link RandomizedEngineContract}) extends it, and a
 * store module runs the suite by subclassing each topic class and implementing either the factory method
 * {@link #newStore(FeatureGraph, StoreSettings)} or, to share its answers across the topic classes, {@link #stores()}
 * (one {@link ContractStores} per module).
 *
 * <p>The classes are published in metaxy-core's test-jar. A store module depends on it with
 * <pre>{@code
 * <dependency>
 *   <groupId>dev.metaxy</groupId>
 *   <artifactId>metaxy-core</artifactId>
 *   <version>${project.version}</version>
 *   <type>test-jar</type>
 *   <scope>test</scope>
 * </dependency>
 * }</pre>
 * and adds, for example, {@code class DuckDbWriteContractTest extends WriteContract { protected MetadataStore
 * newStore(FeatureGraph g, StoreSettings s) { ... } }}.
 *
 * <p>The behaviours are those of metadata-store.md §15 (Python Metaxy's shared store test packs); expected hashes
 * come from {@link ReferenceEngine} or the spec's golden vectors. Stores created through {@link #store} are closed
 * after each test.
 */
public abstract class StoreContract {
    /** The id column of most contract features. */
    protected static final String UID = "sample_uid";
    protected static final String PBF = SystemColumns.PROVENANCE_BY_FIELD;
    protected static final String PROV = SystemColumns.PROVENANCE;
    protected static final String DVBF = SystemColumns.DATA_VERSION_BY_FIELD;
    protected static final String DV = SystemColumns.DATA_VERSION;
    /** The four versioning columns compared against the reference engine. */
    protected static final List<String> VERSIONING = SystemColumns.VERSIONING;

    @TempDir
    protected Path tempDir;

    private final List<MetadataStore> created = new ArrayList<>();

    /**
     * The module's {@link ContractStores}, which then answers all the hooks below; null (the default) means the
     * subclass overrides {@link #newStore} itself and whichever other hooks it needs.
     */
    protected ContractStores stores() {
        return null;
    }

    /**
     * A new, closed store over {@code graph} configured by {@code settings}. A store whose
     * {@link StoreSettings#hashAlgorithm()} is null uses its own default algorithm. Override this or {@link #stores()}.
     */
    protected MetadataStore newStore(FeatureGraph graph, StoreSettings settings) {
        ContractStores stores = stores();
        if (stores == null) {
            throw new IllegalStateException(getClass().getName() + " must override stores() or newStore()");
        }
        return stores.newStore(getClass(), graph, settings);
    }

    /** Hash algorithms the store computes natively (tests over several algorithms use these). */
    protected Set<HashAlgorithm> supportedHashAlgorithms() {
        ContractStores stores = stores();
        return stores != null ? stores.supportedHashAlgorithms()
            : EnumSet.of(HashAlgorithm.XXHASH64, HashAlgorithm.XXHASH32, HashAlgorithm.MD5);
    }

    /** An algorithm the store must reject when opened, if there is one. */
    protected Optional<HashAlgorithm> unsupportedHashAlgorithm() {
        ContractStores stores = stores();
        return stores != null ? stores.unsupportedHashAlgorithm() : Optional.empty();
    }

    /** The store's default algorithm (xxhash32 for DuckDB), if the store documents one. */
    protected Optional<HashAlgorithm> expectedDefaultHashAlgorithm() {
        ContractStores stores = stores();
        return stores != null ? stores.expectedDefaultHashAlgorithm() : Optional.empty();
    }

    /**
     * Whether {@code dropFeatureMetadata} keeps an empty table instead of removing it (the reference Delta store
     * deletes all rows but keeps the table, so the feature still blocks fallbacks).
     */
    protected boolean dropKeepsEmptyTable() {
        ContractStores stores = stores();
        return stores != null && stores.dropKeepsEmptyTable();
    }

    /**
     * Whether the store creates a feature's table on first write even with auto-created tables off (the reference
     * Delta and Iceberg stores always do; SQL stores raise instead).
     */
    protected boolean alwaysCreatesTables() {
        ContractStores stores = stores();
        return stores != null && stores.alwaysCreatesTables();
    }

    @AfterEach
    void closeCreatedStores() {
        for (MetadataStore s : created) {
            int guard = 0;
            while (s.isOpen() && guard++ < 100) {
                s.close();
            }
        }
        created.clear();
    }

    // ---------------------------------------------------------------- stores

    /** Default settings over the directory {@code main} of this test's temporary directory. */
    protected StoreSettings settings() {
        return StoreSettings.defaults(dir("main"));
    }

    /** A sub-directory of this test's temporary directory (created). */
    protected Path dir(String name) {
        try {
            return Files.createDirectories(tempDir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected MetadataStore store(FeatureGraph graph) {
        return store(graph, settings());
    }

    protected MetadataStore store(FeatureGraph graph, StoreSettings settings) {
        MetadataStore s = newStore(graph, settings);
        created.add(s);
        return s;
    }

    // ---------------------------------------------------------------- features

    protected static FeatureGraph graph(FeatureSpec... specs) {
        return FeatureGraph.of(List.of(specs));
    }

    /** A root feature identified by {@code sample_uid} with fields of code version {@code "1"} ({@code default} if none). */
    protected static FeatureSpec rootSpec(String key, String... fields) {
        FeatureSpec.Builder b = FeatureSpec.builder(key).idColumns(UID);
        for (String f : fields) {
            b.field(f, "1");
        }
        return b.build();
    }

    /** A feature depending (identity lineage, default field mapping) on {@code upstream}. */
    protected static FeatureSpec childSpec(String key, FeatureSpec upstream, String... fields) {
        FeatureSpec.Builder b = FeatureSpec.builder(key).idColumns(UID).dependsOn(upstream);
        for (String f : fields) {
            b.field(f, "1");
        }
        return b.build();
    }

    // ---------------------------------------------------------------- rows

    /** A row from alternating column names and values (null values allowed). */
    protected static Map<String, Object> row(Object... namesAndValues) {
        Map<String, Object> r = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            r.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return r;
    }

    /** A by-field map from alternating field struct keys and hashes. */
    protected static Map<String, String> byField(String... keysAndValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** A root sample: {@code sample_uid} plus a single-field ({@code default}) provenance. */
    protected static Map<String, Object> sample(Object uid, String defaultHash, Object... more) {
        Map<String, Object> r = row(UID, uid, PBF, byField("default", defaultHash));
        r.putAll(row(more));
        return r;
    }

    protected static Frame frame(List<? extends Map<String, ?>> rows) {
        return Frame.fromRows(rows);
    }

    /** Writes rows (through {@link MetadataStore#write(Object, List)}). */
    protected static void write(MetadataStore s, Object feature, List<? extends Map<String, ?>> rows) {
        s.write(feature, rows);
    }

    /** Resolves a root feature with {@code samples} and writes the new and stale rows, as a pipeline would. */
    protected static void writeRoot(MetadataStore s, Object feature, List<? extends Map<String, ?>> samples) {
        try (Frame f = Frame.fromRows(samples);
             Increment inc = s.resolveUpdate(feature, ResolveOptions.defaults().samples(f))) {
            writeIfAny(s, feature, inc.newSamples());
            writeIfAny(s, feature, inc.stale());
        }
    }

    /** Resolves a downstream feature and writes its new and stale rows. */
    protected static void writeDownstream(MetadataStore s, Object feature) {
        try (Increment inc = s.resolveUpdate(feature)) {
            writeIfAny(s, feature, inc.newSamples());
            writeIfAny(s, feature, inc.stale());
        }
    }

    protected static void writeIfAny(MetadataStore s, Object feature, Frame f) {
        if (f.rowCount() > 0) {
            s.write(feature, f);
        }
    }

    protected static List<Map<String, Object>> readRows(MetadataStore s, Object feature) {
        return readRows(s, feature, ReadOptions.defaults());
    }

    protected static List<Map<String, Object>> readRows(MetadataStore s, Object feature, ReadOptions options) {
        try (Frame f = s.read(feature, options).collect()) {
            return f.toRows();
        }
    }

    protected static List<String> readColumns(MetadataStore s, Object feature, ReadOptions options) {
        try (Frame f = s.read(feature, options).collect()) {
            return f.columnNames();
        }
    }

    /** Every stored row of every version, tombstones included. */
    protected static ReadOptions everything() {
        return ReadOptions.defaults().withFeatureHistory().withSampleHistory().includeSoftDeleted().allowFallback(false);
    }

    /** The number of raw rows in this store's table of {@code feature}, 0 when the table does not exist. */
    protected static long rawCount(MetadataStore s, Object feature) {
        if (!s.hasFeature(feature)) {
            return 0;
        }
        try {
            return s.read(feature, everything()).count();
        } catch (FeatureNotInStoreException e) {
            return 0;
        }
    }

    /** The values of {@code column} in {@code rows}, normalised (see {@link #norm}), as a sorted multiset list. */
    protected static List<Object> values(List<Map<String, Object>> rows, String column) {
        List<Object> out = new ArrayList<>();
        rows.forEach(r -> out.add(norm(r.get(column))));
        out.sort((a, b) -> String.valueOf(a).compareTo(String.valueOf(b)));
        return out;
    }

    /** The distinct values of {@code column}, normalised. */
    protected static Set<Object> valueSet(List<Map<String, Object>> rows, String column) {
        Set<Object> out = new TreeSet<>((a, b) -> String.valueOf(a).compareTo(String.valueOf(b)));
        rows.forEach(r -> out.add(norm(r.get(column))));
        return out;
    }

    /** The single row whose {@code column} equals {@code value} (normalised). */
    protected static Map<String, Object> rowWith(List<Map<String, Object>> rows, String column, Object value) {
        List<Map<String, Object>> hits = rows.stream().filter(r -> norm(r.get(column)).equals(norm(value))).toList();
        assertThat(hits).as("rows with %s = %s in %s", column, value, rows).hasSize(1);
        return hits.get(0);
    }

    /**
     * A comparable form of a frame value: integral numbers → Long, other numbers → Double, timestamps → Instant
     * (zone-less timestamps read as UTC), maps → sorted maps of normalised values.
     */
    protected static Object norm(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros().scale() <= 0 ? (Object) d.longValueExact() : (Object) d.doubleValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC);
        }
        if (v instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (v instanceof ZonedDateTime t) {
            return t.toInstant();
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), norm(x)));
            return out;
        }
        return v;
    }

    /** A timestamp value as an Instant. */
    protected static Instant instant(Object v) {
        Object n = norm(v);
        assertThat(n).as("timestamp value %s", v).isInstanceOf(Instant.class);
        return (Instant) n;
    }

    /** {@code rows} projected on {@code columns} with normalised values, as a multiset (value → count). */
    protected static Map<Map<String, Object>, Integer> multiset(List<Map<String, Object>> rows, List<String> columns) {
        Map<Map<String, Object>, Integer> out = new HashMap<>();
        for (Map<String, Object> r : rows) {
            Map<String, Object> p = new TreeMap<>();
            for (String c : columns) {
                p.put(c, norm(r.get(c)));
            }
            out.merge(p, 1, Integer::sum);
        }
        return out;
    }

    /** Asserts both row lists hold the same rows on {@code columns}, ignoring order. */
    protected static void assertSameRows(String what, List<Map<String, Object>> actual, List<Map<String, Object>> expected,
                                         List<String> columns) {
        assertThat(multiset(actual, columns)).as(what + " (projected on " + columns + ")").isEqualTo(multiset(expected, columns));
    }

    /** The id columns plus the four versioning columns. */
    protected static List<String> idAndVersioning(List<String> idColumns) {
        List<String> c = new ArrayList<>(idColumns);
        c.addAll(VERSIONING);
        return c;
    }

    /** The current rows of each upstream of {@code target} (what {@code resolve_update} reads). */
    protected static Map<FeatureKey, List<Map<String, Object>>> upstreamRows(MetadataStore s, FeatureKey target) {
        Map<FeatureKey, List<Map<String, Object>>> up = new LinkedHashMap<>();
        for (var dep : s.graph().spec(target).deps()) {
            up.put(dep.feature(), readRows(s, dep.feature()));
        }
        return up;
    }

    /** The reference engine's expected rows of {@code target} over the store's current upstream rows. */
    protected static List<Map<String, Object>> referenceExpected(MetadataStore s, FeatureKey target) {
        return new ReferenceEngine(s.graph(), s.hashAlgorithm()).expected(target, upstreamRows(s, target), Map.of());
    }

    /** An increment materialised as rows and column lists (the frames are closed). */
    protected record IncrementRows(List<Map<String, Object>> newRows, List<Map<String, Object>> staleRows,
                                   List<Map<String, Object>> orphanedRows, List<String> newColumns,
                                   List<String> staleColumns, List<String> orphanedColumns) {
        public boolean isEmpty() {
            return newRows.isEmpty() && staleRows.isEmpty() && orphanedRows.isEmpty();
        }
    }

    protected static IncrementRows resolve(MetadataStore s, Object feature) {
        return resolve(s, feature, ResolveOptions.defaults());
    }

    protected static IncrementRows resolve(MetadataStore s, Object feature, ResolveOptions options) {
        try (Increment inc = s.resolveUpdate(feature, options)) {
            return new IncrementRows(inc.newSamples().toRows(), inc.stale().toRows(), inc.orphaned().toRows(),
                inc.newSamples().columnNames(), inc.stale().columnNames(), inc.orphaned().columnNames());
        }
    }

    /** Resolves a root feature with samples given as rows. */
    protected static IncrementRows resolveSamples(MetadataStore s, Object feature, List<? extends Map<String, ?>> samples) {
        try (Frame f = Frame.fromRows(samples)) {
            return resolve(s, feature, ResolveOptions.defaults().samples(f));
        }
    }

    /** Opens {@code s} for writing (try-with-resources). */
    protected static MetadataStore openW(MetadataStore s) {
        return s.open(AccessMode.WRITE);
    }

    /** Opens {@code s} for reading (try-with-resources). */
    protected static MetadataStore openR(MetadataStore s) {
        return s.open(AccessMode.READ);
    }

    /** Waits a few milliseconds so that consecutive writes get distinct transaction timestamps. */
    protected static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
