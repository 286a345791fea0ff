package dev.metaxy.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.testing.SqlTestTables;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The DuckDB hash expressions and UDFs render exactly like {@link HashAlgorithm}; by-field access in both modes. */
class DuckDbDialectTest {
    private static final List<String> INPUTS = Arrays.asList("", "hello", "default|1|video.audio|video_audio_hash_1",
        "ünïcødé ✓ 𝄞", "a'quote", "x".repeat(1000), null);

    @Test
    void everyAlgorithmMatchesTheJavaHash() throws SQLException {
        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:")) {
            DuckDbHashFunctions.register(conn);
            for (HashAlgorithm algorithm : HashAlgorithm.values()) {
                for (String input : INPUTS) {
                    String literal = input == null ? "NULL" : DuckDbDialect.STRUCT.stringLiteral(input);
                    String got = single(conn, "SELECT " + DuckDbDialect.STRUCT.hash(algorithm, literal));
                    assertThat(got).as("%s(%s)", algorithm, input).isEqualTo(algorithm.hash(input));
                }
            }
        }
    }

    @Test
    void byFieldColumnsRoundTripInBothModes() throws SQLException {
        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:")) {
            for (DuckDbDialect dialect : List.of(DuckDbDialect.STRUCT, DuckDbDialect.MAP)) {
                LinkedHashMap<String, String> values = new LinkedHashMap<>();
                values.put("text__caption", "'c'");
                values.put("a b", "NULL");
                String built = dialect.buildByField(values);
                assertThat(single(conn, "SELECT " + dialect.byFieldValue("(" + built + ")", "text__caption"))).isEqualTo("c");
                assertThat(single(conn, "SELECT " + dialect.byFieldValue("(" + built + ")", "a b"))).isNull();
                assertThat(single(conn, "SELECT typeof(" + built + ")"))
                    .startsWith(dialect.mapMode() ? "MAP(VARCHAR, VARCHAR)" : "STRUCT(");
            }
        }
    }

    @Test
    void mapModeBuildsTheSameMapWhetherFromAStructCastOrFromKeyLists() throws SQLException {
        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:")) {
            LinkedHashMap<String, String> values = new LinkedHashMap<>();
            values.put("zeta", "'1'");
            values.put("a b", "NULL");
            values.put("alpha", "42");
            String built = DuckDbDialect.MAP.buildByField(values);
            assertThat(built).startsWith("CAST(struct_pack(");
            String keyLists = "MAP(['zeta', 'a b', 'alpha'], ['1', NULL, '42'])";
            assertThat(single(conn, "SELECT (" + built + ")::VARCHAR")).isEqualTo("{zeta=1, a b=NULL, alpha=42}");
            assertThat(single(conn, "SELECT (" + built + ") = " + keyLists)).isEqualTo("true");
            // Keys equal ignoring case (or empty) cannot be STRUCT fields: the key-list form keeps them apart.
            LinkedHashMap<String, String> clash = new LinkedHashMap<>();
            clash.put("a", "'x'");
            clash.put("A", "'y'");
            clash.put("", "'z'");
            String clashing = DuckDbDialect.MAP.buildByField(clash);
            assertThat(clashing).startsWith("MAP([");
            assertThat(single(conn, "SELECT (" + clashing + ")::VARCHAR")).isEqualTo("{a=x, A=y, ''=z}");
        }
    }

    @Test
    void windowAggregationSkipsNullsAndSortsNullsFirst() throws SQLException {
        DuckDbDialect d = DuckDbDialect.STRUCT;
        String agg = d.stringAggOverWindow("x", "|", List.of("g"), List.of("o"));
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:")) {
            rows.addAll(SqlTestTables.query(conn, DuckDbTestSql.of(d), "SELECT g, " + agg + " AS s FROM (VALUES (1, 'a', 2), (1, 'b', NULL), "
                + "(1, NULL, 1), (2, NULL, 1)) t(g, x, o) ORDER BY g"));
        }
        assertThat(rows).extracting(r -> r.get("s")).containsExactly("b|a", "b|a", "b|a", null);
    }

    private static String single(Connection conn, String sql) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
