package dev.metaxy.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metaxy.definition.FeatureDep;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.Lineage;
import dev.metaxy.definition.SystemColumns;
import dev.metaxy.expr.Expression;
import dev.metaxy.expr.Expressions;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.hash.Truncation;
import dev.metaxy.sql.IncrementKind;
import dev.metaxy.sql.IncrementQueries;
import dev.metaxy.sql.JoinedIncrement;
import dev.metaxy.sql.SqlRelation;
import dev.metaxy.sql.SqlVersioningEngine;
import dev.metaxy.testing.SqlTestTables;
import dev.metaxy.versioning.FeaturePlan;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** New / stale / orphaned on small hand-made data, for identity, expansion and aggregation lineage. */
class IncrementQueryTest {
    private static final DuckDbDialect DIALECT = DuckDbDialect.STRUCT;
    private static final SqlVersioningEngine ENGINE = new SqlVersioningEngine(DIALECT, HashAlgorithm.XXHASH64, Truncation.DEFAULT);

    private Connection conn;
    private SqlTestTables tables;

    @BeforeEach
    void open() throws SQLException {
        conn = DriverManager.getConnection("jdbc:duckdb:");
        DuckDbHashFunctions.register(conn);
        tables = new SqlTestTables(conn, DuckDbTestSql.of(DIALECT));
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    private static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Map<String, Object> upstreamRow(String idColumn, Object id, String fieldValue) {
        Map<String, String> byField = Map.of("default", fieldValue);
        return row(idColumn, id, SystemColumns.PROVENANCE_BY_FIELD, byField, SystemColumns.PROVENANCE, "p",
            SystemColumns.DATA_VERSION_BY_FIELD, byField, SystemColumns.DATA_VERSION, "p");
    }

    private static final Map<String, List<String>> BY_FIELD = Map.of(
        SystemColumns.PROVENANCE_BY_FIELD, List.of("default"), SystemColumns.DATA_VERSION_BY_FIELD, List.of("default"));

    /** Materialises the expected query, so tests can derive current rows from it. */
    private SqlRelation materialise(SqlRelation expected, String name) throws SQLException {
        try (var st = conn.createStatement()) {
            st.execute("CREATE TABLE " + DIALECT.quoteIdentifier(name) + " AS " + expected.sql());
        }
        return SqlRelation.table(DIALECT, name, expected.columns());
    }

    private Map<Object, String> provenanceById(SqlRelation relation, String idColumn) throws SQLException {
        Map<Object, String> out = new HashMap<>();
        for (Map<String, Object> r : tables.query(relation.sql())) {
            out.put(r.get(idColumn), (String) r.get(SystemColumns.PROVENANCE));
        }
        return out;
    }

    private List<Object> ids(SqlRelation relation, String idColumn) throws SQLException {
        List<Object> out = new ArrayList<>();
        for (Map<String, Object> r : tables.query(relation.sql())) {
            out.add(r.get(idColumn));
        }
        return out;
    }

    private FeaturePlan identityPlan() {
        FeatureSpec video = FeatureSpec.builder("video").idColumns("sample_uid").field("default", "1").build();
        FeatureSpec proc = FeatureSpec.builder("proc").idColumns("sample_uid").dependsOn(video).field("default", "1").build();
        return FeaturePlan.of(FeatureGraph.of(List.of(video, proc)), "proc");
    }

    private SqlRelation identityExpected(FeaturePlan plan) throws SQLException {
        List<Map<String, Object>> up = new ArrayList<>();
        for (Object id : new Object[] {1L, 2L, 3L, 6L, null}) {
            up.add(upstreamRow("sample_uid", id, "h" + id));
        }
        SqlRelation video = tables.create("video", null, up, BY_FIELD, Map.of("sample_uid", "BIGINT"));
        return materialise(ENGINE.expectedQuery(plan, Map.of(FeatureKey.of("video"), video), null), "expected");
    }

    /** Current rows: 2 unchanged, 3 changed, 4 orphaned, 6 without provenance, a NULL id; column val for predicates. */
    private SqlRelation identityCurrent(Map<Object, String> expected) throws SQLException {
        List<Map<String, Object>> rows = List.of(
            row("sample_uid", 2L, "val", "force", SystemColumns.PROVENANCE, expected.get(2L)),
            row("sample_uid", 3L, "val", "force", SystemColumns.PROVENANCE, "outdated"),
            row("sample_uid", 4L, "val", "x", SystemColumns.PROVENANCE, "gone"),
            row("sample_uid", 6L, "val", "x", SystemColumns.PROVENANCE, null),
            row("sample_uid", null, "val", "x", SystemColumns.PROVENANCE, "null-key"));
        return tables.create("current", List.of("sample_uid", "val", SystemColumns.PROVENANCE), rows, Map.of(),
            Map.of("sample_uid", "BIGINT", "val", "VARCHAR", SystemColumns.PROVENANCE, "VARCHAR"));
    }

    @Test
    void identityNewStaleOrphaned() throws SQLException {
        FeaturePlan plan = identityPlan();
        SqlRelation expected = identityExpected(plan);
        SqlRelation current = identityCurrent(provenanceById(expected, "sample_uid"));
        IncrementQueries inc = ENGINE.incrementQueries(plan, expected, current, null);
        assertThat(ids(inc.newRows(), "sample_uid")).containsExactlyInAnyOrder(1L, null);
        assertThat(ids(inc.staleRows(), "sample_uid")).containsExactlyInAnyOrder(3L, 6L);
        assertThat(ids(inc.orphanedRows(), "sample_uid")).containsExactlyInAnyOrder(4L, null);
        assertThat(inc.staleRows().columns()).isEqualTo(expected.columns());
        assertThat(inc.orphanedRows().columns()).isEqualTo(current.columns());
        Map<String, Object> stale = tables.query(inc.staleRows().sql()).get(0);
        assertThat(stale.keySet()).containsExactlyElementsOf(expected.columns());
    }

    @Test
    void stalenessPredicatesMarkCurrentRowsOnceAndNeverNewOnes() throws SQLException {
        FeaturePlan plan = identityPlan();
        SqlRelation expected = identityExpected(plan);
        SqlRelation current = identityCurrent(provenanceById(expected, "sample_uid"));
        List<Expression> predicates = List.of(Expressions.equal("val", "force"), Expressions.isNull("val"));
        IncrementQueries inc = ENGINE.incrementQueries(plan, expected, current, predicates);
        assertThat(ids(inc.staleRows(), "sample_uid")).containsExactlyInAnyOrder(2L, 3L, 6L);
        assertThat(ids(inc.newRows(), "sample_uid")).containsExactlyInAnyOrder(1L, null);
        assertThat(ids(inc.orphanedRows(), "sample_uid")).containsExactlyInAnyOrder(4L, null);
    }

    @Test
    void singleStatementCarriesTheKind() throws SQLException {
        FeaturePlan plan = identityPlan();
        SqlRelation expected = identityExpected(plan);
        SqlRelation current = identityCurrent(provenanceById(expected, "sample_uid"));
        SqlRelation all = ENGINE.incrementQuery(plan, expected, current, List.of(Expressions.equal("val", "force")));
        assertThat(all.columns().get(0)).isEqualTo(SqlVersioningEngine.INCREMENT_KIND_COLUMN);
        assertThat(all.columns()).containsAll(expected.columns()).contains("val");
        Map<IncrementKind, List<Object>> byKind = new HashMap<>();
        for (Map<String, Object> r : tables.query(all.sql())) {
            IncrementKind kind = IncrementKind.fromSqlValue((String) r.get(SqlVersioningEngine.INCREMENT_KIND_COLUMN));
            byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(r.get("sample_uid"));
            if (kind != IncrementKind.ORPHANED) {
                assertThat(r.get("val")).isNull();
                assertThat(r.get(SystemColumns.PROVENANCE_BY_FIELD)).isNotNull();
            } else {
                assertThat(r.get(SystemColumns.PROVENANCE_BY_FIELD)).isNull();
            }
        }
        assertThat(byKind.get(IncrementKind.NEW)).containsExactlyInAnyOrder(1L, null);
        assertThat(byKind.get(IncrementKind.STALE)).containsExactlyInAnyOrder(2L, 3L, 6L);
        assertThat(byKind.get(IncrementKind.ORPHANED)).containsExactlyInAnyOrder(4L, null);
    }

    @Test
    void theWholeIncrementRunsAsOneStatementOverTheExpectedQuery() throws SQLException {
        FeaturePlan plan = identityPlan();
        SqlRelation materialised = identityExpected(plan);
        SqlRelation current = identityCurrent(provenanceById(materialised, "sample_uid"));
        SqlRelation video = SqlRelation.table(DIALECT, "video", List.of("sample_uid", SystemColumns.PROVENANCE_BY_FIELD,
            SystemColumns.PROVENANCE, SystemColumns.DATA_VERSION_BY_FIELD, SystemColumns.DATA_VERSION));
        SqlRelation expected = ENGINE.expectedQuery(plan, Map.of(FeatureKey.of("video"), video), null);
        SqlRelation all = ENGINE.incrementQuery(plan, expected, current, null);
        assertThat(tables.query(all.sql())).extracting(r -> r.get(SqlVersioningEngine.INCREMENT_KIND_COLUMN) + ":"
            + r.get("sample_uid")).containsExactlyInAnyOrder("new:1", "new:null", "stale:3", "stale:6", "orphaned:4",
            "orphaned:null");
    }

    @Test
    void expectedProvenanceNullIsNotStaleAgainstAStoredValue() throws SQLException {
        FeaturePlan plan = identityPlan();
        SqlRelation expected = SqlRelation.query("SELECT 7::BIGINT AS sample_uid, NULL::VARCHAR AS metaxy_provenance",
            List.of("sample_uid", SystemColumns.PROVENANCE));
        SqlRelation current = SqlRelation.query("SELECT 7::BIGINT AS sample_uid, 'x' AS metaxy_provenance",
            List.of("sample_uid", SystemColumns.PROVENANCE));
        IncrementQueries inc = ENGINE.incrementQueries(plan, expected, current, null);
        assertThat(ids(inc.staleRows(), "sample_uid")).isEmpty();
        assertThat(ids(inc.newRows(), "sample_uid")).isEmpty();
        assertThat(ids(inc.orphanedRows(), "sample_uid")).isEmpty();
    }

    @Test
    void expansionCollapsesCurrentChildrenPerParent() throws SQLException {
        FeatureSpec video = FeatureSpec.builder("video").idColumns("video_id").field("default", "1").build();
        FeatureSpec frames = FeatureSpec.builder("frames").idColumns("video_id", "frame_id")
            .dependsOn(FeatureDep.on(video.key()).lineage(Lineage.expansion("video_id"))).field("default", "1").build();
        FeaturePlan plan = FeaturePlan.of(FeatureGraph.of(List.of(video, frames)), "frames");
        List<Map<String, Object>> up = List.of(upstreamRow("video_id", "v1", "a"), upstreamRow("video_id", "v2", "b"),
            upstreamRow("video_id", "v3", "c"));
        SqlRelation videos = tables.create("videos", null, up, BY_FIELD, null);
        SqlRelation expected = materialise(ENGINE.expectedQuery(plan, Map.of(video.key(), videos), null), "expected");
        assertThat(ids(expected, "video_id")).containsExactlyInAnyOrder("v1", "v2", "v3");
        String p1 = provenanceById(expected, "video_id").get("v1");
        List<Map<String, Object>> cur = new ArrayList<>();
        for (int f = 0; f < 3; f++) {
            cur.add(row("video_id", "v1", "frame_id", (long) f, "note", f == 2 ? "kept" : null, SystemColumns.PROVENANCE, p1));
        }
        for (int f = 0; f < 2; f++) {
            cur.add(row("video_id", "v2", "frame_id", (long) f, "note", null, SystemColumns.PROVENANCE, "old"));
            cur.add(row("video_id", "v9", "frame_id", (long) f, "note", null, SystemColumns.PROVENANCE, "gone"));
        }
        SqlRelation current = tables.create("current", null, cur, Map.of(), Map.of("note", "VARCHAR"));
        IncrementQueries inc = ENGINE.incrementQueries(plan, expected, current, null);
        assertThat(ids(inc.newRows(), "video_id")).containsExactly("v3");
        assertThat(ids(inc.staleRows(), "video_id")).containsExactly("v2");
        assertThat(ids(inc.orphanedRows(), "video_id")).containsExactly("v9");
        SqlRelation all = ENGINE.incrementQuery(plan, expected, current, List.of(Expressions.equal("note", "kept")));
        List<Map<String, Object>> rows = tables.query(all.sql());
        assertThat(rows).filteredOn(r -> "stale".equals(r.get(SqlVersioningEngine.INCREMENT_KIND_COLUMN)))
            .extracting(r -> r.get("video_id")).containsExactlyInAnyOrder("v1", "v2");
        assertJoinedEqualsSeparate(plan, expected, current, List.of(Expressions.equal("note", "kept")));
    }

    @Test
    void aggregationYieldsOneRowPerUpstreamRow() throws SQLException {
        FeatureSpec readings = FeatureSpec.builder("readings").idColumns("sensor_id", "reading_id").field("default", "1").build();
        FeatureSpec sensors = FeatureSpec.builder("sensors").idColumns("sensor_id")
            .dependsOn(FeatureDep.on(readings.key()).lineage(Lineage.aggregation("sensor_id"))).field("default", "1").build();
        FeaturePlan plan = FeaturePlan.of(FeatureGraph.of(List.of(readings, sensors)), "sensors");
        List<Map<String, Object>> up = new ArrayList<>();
        String[][] data = {{"s1", "r1"}, {"s1", "r2"}, {"s2", "r3"}, {"s3", "r4"}, {"s3", "r5"}};
        for (String[] d : data) {
            Map<String, Object> r = upstreamRow("sensor_id", d[0], "dv_" + d[1]);
            r.put("reading_id", d[1]);
            up.add(r);
        }
        SqlRelation table = tables.create("readings", null, up, BY_FIELD, null);
        SqlRelation expected = materialise(ENGINE.expectedQuery(plan, Map.of(readings.key(), table), null), "expected");
        Map<Object, String> prov = provenanceById(expected, "sensor_id");
        SqlRelation current = tables.create("current", null, List.of(
            row("sensor_id", "s1", SystemColumns.PROVENANCE, "old"),
            row("sensor_id", "s2", SystemColumns.PROVENANCE, prov.get("s2"))), Map.of(), null);
        IncrementQueries inc = ENGINE.incrementQueries(plan, expected, current, null);
        assertThat(ids(inc.staleRows(), "sensor_id")).containsExactly("s1", "s1");
        assertThat(ids(inc.newRows(), "sensor_id")).containsExactly("s3", "s3");
        assertThat(ids(inc.orphanedRows(), "sensor_id")).isEmpty();
        assertJoinedEqualsSeparate(plan, expected, current, null);
    }

    private int joinedTables;

    /**
     * The joined increment, materialised and read back per part, gives exactly the rows (and columns) of the three
     * separate queries.
     */
    private void assertJoinedEqualsSeparate(FeaturePlan plan, SqlRelation expected, SqlRelation current,
                                            List<Expression> predicates) throws SQLException {
        IncrementQueries separate = ENGINE.incrementQueries(plan, expected, current, predicates);
        JoinedIncrement joined = ENGINE.joinedIncrement(plan, expected, current, predicates).orElseThrow();
        String table = "joined_" + (++joinedTables);
        try (var st = conn.createStatement()) {
            st.execute("CREATE TABLE " + DIALECT.quoteIdentifier(table) + " AS " + joined.query().sql());
        }
        IncrementQueries parts = joined.parts(DIALECT, table);
        List<SqlRelation> a = List.of(separate.newRows(), separate.staleRows(), separate.orphanedRows());
        List<SqlRelation> b = List.of(parts.newRows(), parts.staleRows(), parts.orphanedRows());
        for (int i = 0; i < 3; i++) {
            assertThat(b.get(i).columns()).isEqualTo(a.get(i).columns());
            List<Map<String, Object>> want = tables.query(a.get(i).sql());
            assertThat(tables.query(b.get(i).sql())).containsExactlyInAnyOrderElementsOf(want);
        }
    }

    @Test
    void joinedIncrementEqualsTheSeparateQueries() throws SQLException {
        FeaturePlan plan = identityPlan();
        SqlRelation expected = identityExpected(plan);
        SqlRelation current = identityCurrent(provenanceById(expected, "sample_uid"));
        assertJoinedEqualsSeparate(plan, expected, current, null);
        assertJoinedEqualsSeparate(plan, expected, current, List.of(Expressions.equal("val", "force"), Expressions.isNull("val")));
        SqlRelation nullExpected = SqlRelation.query("SELECT 7::BIGINT AS sample_uid, NULL::VARCHAR AS metaxy_provenance",
            List.of("sample_uid", SystemColumns.PROVENANCE));
        SqlRelation stored = SqlRelation.query("SELECT 7::BIGINT AS sample_uid, 'x' AS metaxy_provenance",
            List.of("sample_uid", SystemColumns.PROVENANCE));
        assertJoinedEqualsSeparate(plan, nullExpected, stored, null);
    }

    @Test
    void unknownColumnsAreReportedClearly() throws SQLException {
        FeaturePlan plan = identityPlan();
        SqlRelation expected = identityExpected(plan);
        SqlRelation current = identityCurrent(provenanceById(expected, "sample_uid"));
        assertThatThrownBy(() -> ENGINE.incrementQueries(plan, expected, current, List.of(Expressions.isNull("nope"))))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'nope'");
        SqlRelation noKey = SqlRelation.query("SELECT 1 AS other, 'x' AS metaxy_provenance", List.of("other", SystemColumns.PROVENANCE));
        assertThatThrownBy(() -> ENGINE.incrementQueries(plan, expected, noKey, null))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("current relation").hasMessageContaining("sample_uid");
    }
}
