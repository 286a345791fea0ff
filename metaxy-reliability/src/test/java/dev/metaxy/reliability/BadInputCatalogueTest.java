package dev.metaxy.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.metaxy.config.ConfigException;
import dev.metaxy.config.MetaxyConfig;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.FieldDep;
import dev.metaxy.definition.InvalidKeyException;
import dev.metaxy.definition.MetaxyDefinitionException;
import dev.metaxy.definition.SystemColumns;
import dev.metaxy.expr.Expression;
import dev.metaxy.expr.FilterParser;
import dev.metaxy.expr.InvalidFilterException;
import dev.metaxy.frame.Frame;
import dev.metaxy.frame.FrameSchemas;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.graph.FeatureNotFoundException;
import dev.metaxy.graph.GraphException;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.hash.Truncation;
import dev.metaxy.sql.HashAlgorithmNotSupportedException;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.DeleteOptions;
import dev.metaxy.store.Increment;
import dev.metaxy.store.MetadataSchemaException;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.MetadataStoreException;
import dev.metaxy.store.ReadOptions;
import dev.metaxy.store.ResolveOptions;
import dev.metaxy.store.StoreNotOpenException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;

/**
 * Part 3 of the reliability issue: a table of bad inputs through the Java API, run against every store. Each case
 * names the exception type and a message fragment it must raise, and the store's tables and row counts must be
 * the same after the case as before (nothing written, nothing dropped). The CLI half is {@link CliBadInputTest}.
 */
class BadInputCatalogueTest {
    @TempDir
    static Path tmp;

    /** One bad input: what it does to an open store (write mode, holding the baseline rows) and what it must raise. */
    record Case(String name, Class<? extends Throwable> kind, String message, Action action) {
    }

    @FunctionalInterface
    interface Action {
        void run(Ctx ctx) throws Exception;
    }

    /** What a case can use: the open store, its kind and location. */
    record Ctx(StoreKind kind, String location, MetadataStore store) {
        MetadataStore other(FeatureGraph graph) {
            return kind.build(graph, location);
        }
    }

    @AfterAll
    static void noLeakedArrowMemory() {
        Hygiene.assertNoArrowMemory();
    }

    // ------------------------------------------------------------------ frames

    static Frame frame(Schema schema, List<Map<String, Object>> rows) {
        return Frame.fromRows(schema, rows);
    }

    static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static Schema schema(Object... nameType) {
        List<org.apache.arrow.vector.types.pojo.Field> fields = new ArrayList<>();
        for (int i = 0; i < nameType.length; i += 2) {
            Object t = nameType[i + 1];
            fields.add(t instanceof org.apache.arrow.vector.types.pojo.Field f ? f
                : FrameSchemas.field((String) nameType[i], (ArrowType) t));
        }
        return new Schema(fields);
    }

    static final ArrowType I64 = new ArrowType.Int(64, true);
    static final ArrowType STR = ArrowType.Utf8.INSTANCE;

    static org.apache.arrow.vector.types.pojo.Field pbf(String... keys) {
        List<org.apache.arrow.vector.types.pojo.Field> children = new ArrayList<>();
        for (String k : keys) {
            children.add(FrameSchemas.field(k, STR));
        }
        return FrameSchemas.struct(SystemColumns.PROVENANCE_BY_FIELD, children);
    }

    /** Writes {@code rows} of {@code schema} to {@code feature} through the store. */
    static Action write(String feature, Schema schema, Map<String, Object> row) {
        return c -> {
            try (Frame f = frame(schema, List.of(row))) {
                c.store().write(feature, f);
            }
        };
    }

    static final String RAW = "rel/raw";
    static final String DERIVED = "rel/derived";

    static Map<String, Object> goodRaw(long uid) {
        return row(Fixtures.UID, uid, Fixtures.BATCH, 0L, "score", 1.0, SystemColumns.PROVENANCE_BY_FIELD, Map.of("value", "v" + uid));
    }

    // ------------------------------------------------------------------ the catalogue

    static List<Case> cases(StoreKind kind) {
        List<Case> cases = new ArrayList<>();
        Schema good = Fixtures.RAW_SCHEMA;

        // invalid feature keys, through write and read
        Map<String, String> badKeys = new LinkedHashMap<>();
        badKeys.put("", "at least one part");
        badKeys.put("/rel", "is empty");
        badKeys.put("rel//raw", "is empty");
        badKeys.put("rel/raw/", "is empty");
        badKeys.put("Rel/raw", "must match");
        badKeys.put("rel/Raw", "must match");
        badKeys.put("rel__raw", "contains '__'");
        badKeys.put("1rel/raw", "must match");
        badKeys.put("rel/ra w", "must match");
        badKeys.put("rel.raw", "must match");
        badKeys.put("rel/raw;drop", "must match");
        badKeys.forEach((k, msg) -> {
            cases.add(new Case("write to invalid key '" + k + "'", InvalidKeyException.class, msg, write(k, good, goodRaw(900))));
            cases.add(new Case("read invalid key '" + k + "'", InvalidKeyException.class, msg, c -> c.store().read(k).count()));
        });
        cases.add(new Case("write to a feature not in the graph", FeatureNotFoundException.class, "'rel/nope' is not in the graph",
            write("rel/nope", good, goodRaw(900))));
        cases.add(new Case("resolve a feature not in the graph", FeatureNotFoundException.class, "'rel/nope' is not in the graph",
            c -> c.store().resolveUpdate("rel/nope").close()));
        cases.add(new Case("hard delete in a feature not in the graph", FeatureNotFoundException.class, "is not in the graph",
            c -> c.store().delete("rel/nope", null, DeleteOptions.hard())));

        // feature definitions and graphs
        FeatureSpec a = FeatureSpec.builder("cyc/a").idColumns("id").dependsOn("cyc/b").build();
        FeatureSpec b = FeatureSpec.builder("cyc/b").idColumns("id").dependsOn("cyc/a").build();
        cases.add(new Case("duplicate feature in a graph", GraphException.class, "'rel/raw' is already registered",
            c -> FeatureGraph.of(List.of(Fixtures.RAW, Fixtures.RAW))));
        cases.add(new Case("dependency cycle", GraphException.class, "Dependency cycle", c -> FeatureGraph.of(List.of(a, b)).topologicalOrder()));
        cases.add(new Case("feature depending on itself", MetaxyDefinitionException.class, "depends on itself",
            c -> FeatureSpec.builder("cyc/self").idColumns("id").dependsOn("cyc/self").build()));
        cases.add(new Case("unknown upstream feature", GraphException.class, "depends on unknown feature 'rel/ghost'", c -> {
            // a graph may hold features whose upstream is not loaded (yet); resolving one is the error
            try (MetadataStore s = c.other(FeatureGraph.of(List.of(Fixtures.RAW, FeatureSpec.builder("rel/orphan")
                .idColumns(Fixtures.UID).dependsOn("rel/ghost").build()))).open(AccessMode.WRITE)) {
                s.resolveUpdate("rel/orphan").close();
            }
        }));
        cases.add(new Case("field dependency on an unknown upstream field", GraphException.class, "ghost",
            c -> FeatureGraph.of(List.of(Fixtures.RAW, FeatureSpec.builder("rel/badfield").idColumns(Fixtures.UID).dependsOn(Fixtures.RAW)
                .field("x", "1", FieldDep.on("rel/raw", "ghost")).build())).topologicalOrder()));
        cases.add(new Case("no id columns", MetaxyDefinitionException.class, "id_columns must not be empty",
            c -> FeatureSpec.builder("rel/noid").idColumns(List.of()).build()));
        cases.add(new Case("id column listed twice", MetaxyDefinitionException.class, "is listed twice",
            c -> FeatureSpec.builder("rel/twice").idColumns(Fixtures.UID, Fixtures.UID).build()));
        cases.add(new Case("system column as id column", MetaxyDefinitionException.class, "reserved system column",
            c -> FeatureSpec.builder("rel/sys").idColumns(SystemColumns.PROVENANCE).build()));
        cases.add(new Case("duplicate field key", MetaxyDefinitionException.class, "duplicate field key 'value'",
            c -> FeatureSpec.builder("rel/dupfield").idColumns(Fixtures.UID).field("value", "1").field("value", "2").build()));
        cases.add(new Case("dependency declared twice", MetaxyDefinitionException.class, "declared twice",
            c -> FeatureSpec.builder("rel/dupdep").idColumns(Fixtures.UID).dependsOn(Fixtures.RAW).dependsOn(Fixtures.RAW).build()));

        // id columns
        cases.add(new Case("missing id column", MetadataSchemaException.class, "lacks id column 'sample_uid'",
            write(RAW, schema(Fixtures.BATCH, I64, "pbf", pbf("value")), row(Fixtures.BATCH, 1L, SystemColumns.PROVENANCE_BY_FIELD, Map.of("value", "x")))));
        cases.add(new Case("misspelled id column", MetadataSchemaException.class, "lacks id column 'sample_uid'",
            write(RAW, schema("sample_id", I64, "pbf", pbf("value")), row("sample_id", 1L, SystemColumns.PROVENANCE_BY_FIELD, Map.of("value", "x")))));
        cases.add(new Case("id column named in the wrong case", MetadataSchemaException.class, "lacks id column 'sample_uid'",
            write(RAW, schema("SAMPLE_UID", I64, "pbf", pbf("value")), row("SAMPLE_UID", 1L, SystemColumns.PROVENANCE_BY_FIELD, Map.of("value", "x")))));
        FeatureSpec twoIds = FeatureSpec.builder("rel/raw").idColumns(Fixtures.UID, "shard").field("value", "1").build();
        cases.add(new Case("frame lacks an extra id column of the spec", MetadataSchemaException.class, "lacks id column 'shard'",
            c -> {
                try (MetadataStore s = c.other(FeatureGraph.of(List.of(twoIds))).open(AccessMode.WRITE);
                     Frame f = frame(good, List.of(goodRaw(900)))) {
                    s.write(RAW, f);
                }
            }));
        cases.add(new Case("null id", MetadataSchemaException.class, "id column 'sample_uid' contains nulls",
            write(RAW, good, row(Fixtures.UID, null, SystemColumns.PROVENANCE_BY_FIELD, Map.of("value", "x")))));
        cases.add(new Case("null id among good rows", MetadataSchemaException.class, "contains nulls", c -> {
            List<Map<String, Object>> rows = new ArrayList<>(List.of(goodRaw(901), goodRaw(902)));
            rows.add(row(Fixtures.UID, null, SystemColumns.PROVENANCE_BY_FIELD, Map.of("value", "x")));
            try (Frame f = frame(good, rows)) {
                c.store().write(RAW, f);
            }
        }));
        cases.add(new Case("samples for resolve without the id column", MetadataSchemaException.class, "lacks id column 'sample_uid'", c -> {
            try (Frame f = frame(schema("uid", I64, "pbf", pbf("value")), List.of(row("uid", 1L, SystemColumns.PROVENANCE_BY_FIELD, Map.of("value", "x"))))) {
                c.store().resolveUpdate(RAW, ResolveOptions.defaults().samples(f)).close();
            }
        }));

        // provenance and system columns
        cases.add(new Case("missing provenance_by_field on a root feature", MetadataSchemaException.class,
            "must have 'metaxy_provenance_by_field'", write(RAW, schema(Fixtures.UID, I64), row(Fixtures.UID, 900L))));
        cases.add(new Case("missing provenance_by_field on a non-root feature", MetadataSchemaException.class,
            "must have 'metaxy_provenance_by_field'", write(DERIVED, schema(Fixtures.UID, I64), row(Fixtures.UID, 1L))));
        cases.add(new Case("provenance_by_field as a string", MetadataSchemaException.class, "must be a Struct or Map",
            write(RAW, schema(Fixtures.UID, I64, SystemColumns.PROVENANCE_BY_FIELD, STR), row(Fixtures.UID, 900L, SystemColumns.PROVENANCE_BY_FIELD, "v"))));
        cases.add(new Case("provenance_by_field as an integer", MetadataSchemaException.class, "must be a Struct or Map",
            write(RAW, schema(Fixtures.UID, I64, SystemColumns.PROVENANCE_BY_FIELD, I64), row(Fixtures.UID, 900L, SystemColumns.PROVENANCE_BY_FIELD, 1L))));
        cases.add(new Case("by-field keys do not match the fields", MetadataSchemaException.class, "has no entry for field 'value'",
            write(RAW, schema(Fixtures.UID, I64, "pbf", pbf("valeu")), row(Fixtures.UID, 900L, SystemColumns.PROVENANCE_BY_FIELD, Map.of("valeu", "x")))));
        cases.add(new Case("by-field keys misspelled in case", MetadataSchemaException.class, "has no entry for field 'value'",
            write(RAW, schema(Fixtures.UID, I64, "pbf", pbf("Value")), row(Fixtures.UID, 900L, SystemColumns.PROVENANCE_BY_FIELD, Map.of("Value", "x")))));
        cases.add(new Case("data_version_by_field keys do not match", MetadataSchemaException.class,
            "'metaxy_data_version_by_field' has no entry for field 'value'",
            write(RAW, schema(Fixtures.UID, I64, "pbf", pbf("value"), "dv", FrameSchemas.struct(SystemColumns.DATA_VERSION_BY_FIELD,
                List.of(FrameSchemas.field("other", STR)))), row(Fixtures.UID, 900L, SystemColumns.PROVENANCE_BY_FIELD, Map.of("value", "x"),
                SystemColumns.DATA_VERSION_BY_FIELD, Map.of("other", "y")))));
        for (String col : List.of(SystemColumns.PROVENANCE, SystemColumns.DATA_VERSION, SystemColumns.FEATURE_VERSION,
            SystemColumns.PROJECT_VERSION, SystemColumns.MATERIALIZATION_ID)) {
            cases.add(new Case(col + " as an integer", MetadataSchemaException.class, "column '" + col + "' must be a string",
                write(RAW, schema(Fixtures.UID, I64, "pbf", pbf("value"), col, I64),
                    row(Fixtures.UID, 900L, SystemColumns.PROVENANCE_BY_FIELD, Map.of("value", "x"), col, 7L))));
        }
        cases.add(new Case("id of the wrong type (string into an integer table)", MetadataStoreException.class, "sample_uid",
            write(RAW, schema(Fixtures.UID, STR, "pbf", pbf("value")), row(Fixtures.UID, "abc", SystemColumns.PROVENANCE_BY_FIELD, Map.of("value", "x")))));
        cases.add(new Case("user column of the wrong type (text into a double column)", MetadataStoreException.class, "score",
            write(RAW, schema(Fixtures.UID, I64, "score", STR, "pbf", pbf("value")),
                row(Fixtures.UID, 900L, "score", "high", SystemColumns.PROVENANCE_BY_FIELD, Map.of("value", "x")))));

        // modes
        cases.add(new Case("write in read mode", StoreNotOpenException.class, "open in read mode", c -> {
            try (MetadataStore s = c.store().open(AccessMode.READ); Frame f = frame(good, List.of(goodRaw(900)))) {
                s.write(RAW, f);
            }
        }));
        cases.add(new Case("hard delete in read mode", StoreNotOpenException.class, "open in read mode", c -> {
            try (MetadataStore s = c.store().open(AccessMode.READ)) {
                s.delete(RAW, null, DeleteOptions.hard());
            }
        }));
        cases.add(new Case("drop in read mode", StoreNotOpenException.class, "open in read mode", c -> {
            try (MetadataStore s = c.store().open(AccessMode.READ)) {
                s.dropFeatureMetadata(RAW);
            }
        }));
        cases.add(new Case("write to a closed store", StoreNotOpenException.class, "must be opened before use", c -> {
            try (Frame f = frame(good, List.of(goodRaw(900)))) {
                c.other(Fixtures.graph()).write(RAW, f);
            }
        }));

        // hash algorithms and truncation
        cases.add(new Case("unknown hash algorithm name", IllegalArgumentException.class, "Unknown hash algorithm 'blake3'",
            c -> HashAlgorithm.fromName("blake3")));
        if (kind == StoreKind.POSTGRES) { // DuckDB computes every algorithm (xxhash and wyhash as Java UDFs)
            cases.add(new Case("hash algorithm the store cannot compute", HashAlgorithmNotSupportedException.class,
                "Hash algorithm 'wyhash' is not supported", c -> dev.metaxy.postgres.PostgresMetadataStore.builder(Fixtures.graph())
                    .url(c.location()).hashAlgorithm(HashAlgorithm.WYHASH).build().open(AccessMode.WRITE).close()));
        }
        for (int t : new int[] {7, 0, -3}) {
            cases.add(new Case("hash truncation " + t, IllegalArgumentException.class, "must be at least 8",
                c -> new FeatureGraph(Truncation.of(t))));
        }

        // filters: malformed and hostile, through read, resolve and hard delete
        Map<String, Class<? extends Throwable>> filters = new LinkedHashMap<>();
        filters.put("sample_uid = 1; DROP TABLE rel__raw", InvalidFilterException.class);
        filters.put("x = 1; DROP TABLE t", InvalidFilterException.class);
        filters.put("sample_uid = 1 -- DROP TABLE rel__raw", InvalidFilterException.class);
        filters.put("sample_uid = 1 /* comment */", InvalidFilterException.class);
        filters.put("sample_uid IN (SELECT sample_uid FROM rel__raw)", InvalidFilterException.class);
        filters.put("lower(sample_uid) = '1'", InvalidFilterException.class);
        filters.put("pg_sleep(10) IS NULL", InvalidFilterException.class);
        filters.put("sample_uid = ", InvalidFilterException.class);
        filters.put("(sample_uid = 1", InvalidFilterException.class);
        filters.put("sample_uid = 'unterminated", InvalidFilterException.class);
        filters.put("sample_uid = 1 OR", InvalidFilterException.class);
        filters.put("", InvalidFilterException.class);
        filters.put("nope = 1", IllegalArgumentException.class);
        filters.forEach((filter, type) -> {
            String msg = type == InvalidFilterException.class ? "" : "unknown column 'nope'";
            cases.add(new Case("read filter \"" + filter + "\"", type, msg,
                c -> c.store().read(RAW, ReadOptions.defaults().filter(filter)).count()));
            cases.add(new Case("resolve filter \"" + filter + "\"", type, msg,
                c -> c.store().resolveUpdate(DERIVED, ResolveOptions.defaults().filter(RAW, filter)).close()));
            cases.add(new Case("hard delete filter \"" + filter + "\"", type, msg, c -> {
                Expression e = FilterParser.parse(filter);
                c.store().delete(RAW, e, DeleteOptions.hard());
            }));
        });

        // rebase
        cases.add(new Case("rebase to an unknown feature version", IllegalArgumentException.class, "'deadbeef' for 'rel/derived' not found",
            c -> {
                try (Frame f = c.store().read(DERIVED).collect()) {
                    c.store().rebase(DERIVED, f, "deadbeef").count();
                }
            }));
        cases.add(new Case("rebase a root feature", IllegalArgumentException.class, "Cannot rebase root feature", c -> {
            try (Frame f = c.store().read(RAW).collect()) {
                c.store().rebase(RAW, f, null).count();
            }
        }));

        // configuration through the Java API (store-independent, checked against the store anyway)
        Map<String, String[]> configs = CliBadInputTest.BAD_CONFIGS;
        configs.forEach((name, tomlAndMessage) -> cases.add(new Case("config: " + name, ConfigException.class, tomlAndMessage[1], c -> {
            Path dir = Files.createTempDirectory(tmp, "cfg");
            MetaxyConfig cfg = MetaxyConfig.fromToml(tomlAndMessage[0].replace("@DB@", dir.resolve("m.duckdb").toString()), dir, Map.of());
            cfg.getStore(null, Fixtures.graph()).open(AccessMode.WRITE).close();
        })));
        return cases;
    }

    @TestFactory
    Stream<DynamicNode> everyBadInputFailsCleanlyAndWritesNothing() throws Exception {
        List<DynamicNode> stores = new ArrayList<>();
        for (StoreKind kind : StoreKind.values()) {
            String location = kind.newLocation(Files.createDirectories(tmp.resolve(kind.label())));
            List<DynamicNode> tests = new ArrayList<>();
            for (Case c : cases(kind)) {
                tests.add(DynamicTest.dynamicTest(c.name(), () -> runCase(kind, location, c)));
            }
            stores.add(dynamicContainer(kind.label(), tests));
        }
        return stores.stream();
    }

    static final Map<String, Boolean> SEEDED = new HashMap<>();

    /** Baseline: 10 raw rows, their 10 derived rows, and the graph pushed (for rebase). */
    static void seed(MetadataStore s) {
        try (Frame f = Fixtures.rawRows(0, 10, 0)) {
            s.write(RAW, f);
        }
        try (Increment inc = s.resolveUpdate(DERIVED)) {
            s.write(DERIVED, inc.newSamples());
        }
    }

    static void runCase(StoreKind kind, String location, Case c) {
        MetadataStore store = kind.build(Fixtures.graph(), location);
        try (MetadataStore s = store.open(AccessMode.WRITE)) {
            if (SEEDED.putIfAbsent(location, true) == null) {
                seed(s);
            }
            Map<String, Long> before = kind.snapshot(s);
            Throwable thrown = catchThrowable(() -> c.action().run(new Ctx(kind, location, s)));
            assertThat(thrown).as(c.name()).isNotNull();
            assertThat(thrown).as(c.name() + ": " + thrown).isInstanceOf(c.kind());
            assertThat(thrown.getMessage()).as(c.name()).contains(c.message());
            assertThat(kind.snapshot(s)).as(c.name() + ": tables and row counts unchanged").isEqualTo(before);
            assertThat(before).containsEntry("rel__raw", 10L).containsEntry("rel__derived", 10L);
        }
        Hygiene.assertNoArrowMemory();
    }
}
