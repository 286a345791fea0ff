package dev.metaxy.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metaxy.definition.SystemColumns;
import dev.metaxy.expr.Expressions;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.hash.Truncation;
import dev.metaxy.sql.SqlRelation;
import dev.metaxy.sql.SqlVersioningEngine;
import dev.metaxy.testing.SqlTestTables;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Store reads: latest row per id, soft deletes, filters after deduplication, versions, history and columns. */
class ReadQueryTest {
    private static final DuckDbDialect DIALECT = DuckDbDialect.MAP;
    private static final SqlVersioningEngine ENGINE = new SqlVersioningEngine(DIALECT, HashAlgorithm.MD5, Truncation.DEFAULT);
    private static final List<String> COLUMNS = new ArrayList<>(List.of("id", "val"));

    static {
        COLUMNS.addAll(SystemColumns.ALL);
    }

    private Connection conn;
    private SqlTestTables tables;
    private SqlRelation table;

    private static Instant t(int day) {
        return Instant.parse("2026-01-01T00:00:00Z").plusSeconds(86400L * day);
    }

    private static Map<String, Object> row(String id, String val, String version, Instant updated, Instant deleted) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", id);
        r.put("val", val);
        r.put(SystemColumns.PROVENANCE_BY_FIELD, Map.of("default", val));
        r.put(SystemColumns.PROVENANCE, "p_" + val);
        r.put(SystemColumns.DATA_VERSION_BY_FIELD, Map.of("default", val));
        r.put(SystemColumns.DATA_VERSION, "p_" + val);
        r.put(SystemColumns.FEATURE_VERSION, version);
        r.put(SystemColumns.PROJECT_VERSION, "proj");
        r.put(SystemColumns.CREATED_AT, t(0));
        r.put(SystemColumns.UPDATED_AT, updated);
        r.put(SystemColumns.DELETED_AT, deleted);
        r.put(SystemColumns.MATERIALIZATION_ID, null);
        return r;
    }

    @BeforeEach
    void open() throws SQLException {
        conn = DriverManager.getConnection("jdbc:duckdb:");
        List<Map<String, Object>> rows = List.of(
            row("a", "old", "cur", t(1), null),
            row("a", "new", "cur", t(2), null),
            row("b", "live", "cur", t(1), null),
            row("b", "live", "cur", t(1), t(3)),
            row("c", "dead", "cur", t(1), t(2)),
            row("c", "back", "cur", t(3), null),
            row("d", "current", "cur", t(1), null),
            row("d", "previous-version", "old", t(5), null),
            row("e", "dated", "cur", t(1), null),
            row("e", "undated", "cur", null, null),
            row("f", "tie", "cur", t(4), null),
            row("f", "tie", "cur", t(4), null));
        Map<String, String> types = Map.of(SystemColumns.DELETED_AT, "TIMESTAMPTZ", SystemColumns.UPDATED_AT, "TIMESTAMPTZ",
            SystemColumns.MATERIALIZATION_ID, "VARCHAR");
        tables = new SqlTestTables(conn, DuckDbTestSql.of(DIALECT));
        table = tables.create("feature", COLUMNS, rows,
            Map.of(SystemColumns.PROVENANCE_BY_FIELD, List.of("default"), SystemColumns.DATA_VERSION_BY_FIELD, List.of("default")),
            types);
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    private Map<String, Object> byId(SqlRelation query) throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map<String, Object> r : tables.query(query.sql())) {
            assertThat(out.put((String) r.get("id"), r.get("val"))).as("id %s appears once", r.get("id")).isNull();
        }
        return out;
    }

    @Test
    void latestRowPerIdOfTheCurrentVersion() throws SQLException {
        Map<String, Object> got = byId(ENGINE.readQuery(table, List.of("id"), "cur", null, false, false, null));
        assertThat(got).containsOnly(Map.entry("a", "new"), Map.entry("c", "back"), Map.entry("d", "current"),
            Map.entry("e", "dated"), Map.entry("f", "tie"));
    }

    @Test
    void softDeletedLatestRowsAppearOnlyWhenAsked() throws SQLException {
        SqlRelation q = ENGINE.readQuery(table, List.of("id"), "cur", null, true, false, null);
        List<Map<String, Object>> rows = tables.query(q.sql());
        assertThat(rows).filteredOn(r -> r.get("id").equals("b")).singleElement()
            .satisfies(r -> assertThat(r.get(SystemColumns.DELETED_AT)).isNotNull());
        assertThat(rows).hasSize(6);
    }

    @Test
    void filtersSeeOnlyTheLatestRow() throws SQLException {
        SqlRelation q = ENGINE.readQuery(table, List.of("id"), "cur", List.of(Expressions.equal("val", "old")), false, false, null);
        assertThat(byId(q)).isEmpty();
        q = ENGINE.readQuery(table, List.of("id"), "cur", List.of(Expressions.parse("val IN ('new', 'dead')")), false, false, null);
        assertThat(byId(q)).containsOnlyKeys("a");
    }

    @Test
    void withoutVersionTheDedupSpansVersions() throws SQLException {
        assertThat(byId(ENGINE.readQuery(table, List.of("id"), null, null, false, false, null)))
            .containsEntry("d", "previous-version");
    }

    @Test
    void sampleHistoryKeepsEveryLiveRow() throws SQLException {
        List<Map<String, Object>> rows = tables.query(
            ENGINE.readQuery(table, List.of("id"), "cur", null, false, true, null).sql());
        assertThat(rows).hasSize(9);
    }

    @Test
    void columnsSelectExactlyThoseColumns() throws SQLException {
        SqlRelation q = ENGINE.readQuery(table, List.of("id"), "cur", List.of(Expressions.equal("val", "new")), false, false,
            List.of("val", SystemColumns.PROVENANCE_BY_FIELD));
        List<Map<String, Object>> rows = tables.query(q.sql());
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.keySet()).containsExactly("val", SystemColumns.PROVENANCE_BY_FIELD);
            assertThat(r.get(SystemColumns.PROVENANCE_BY_FIELD)).isEqualTo(Map.of("default", "new"));
        });
        assertThat(q.columns()).containsExactly("val", SystemColumns.PROVENANCE_BY_FIELD);
    }

    @Test
    void unknownColumnsAreRejected() {
        assertThatThrownBy(() -> ENGINE.readQuery(table, List.of("id"), null, List.of(Expressions.isNull("nope")), false, false, null))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'nope'");
        assertThatThrownBy(() -> ENGINE.readQuery(table, List.of("missing"), null, null, false, false, null))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'missing'");
    }
}
