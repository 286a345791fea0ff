package dev.metaxy.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metaxy.hash.HashAlgorithm;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The vectorised hash UDFs over whole tables: many chunks, NULLs between values, inlined (up to 12 bytes) and
 * pointer strings, multi-byte UTF-8, and constant arguments; both the direct-memory path and the per-row fallback.
 */
class DuckDbHashFunctionsTest {
    private static final int ROWS = 5_000;

    private static String value(int i) {
        return switch (i % 5) {
            case 0 -> null;
            case 1 -> "s" + i;
            case 2 -> "ünï-" + i;
            case 3 -> "x".repeat(i % 40) + "|" + i;
            default -> "prediction|1|root.audio|" + Long.toHexString(i * 0x9E3779B97F4A7C15L) + "|root.frames|" + i;
        };
    }

    @ParameterizedTest(name = "direct={0}")
    @ValueSource(booleans = {true, false})
    void everyRowOfATableMatchesTheJavaHash(boolean direct) throws SQLException {
        if (direct) {
            assertThat(VectorMemory.AVAILABLE).as("direct vector access with this DuckDB driver").isTrue();
        }
        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:"); Statement st = conn.createStatement()) {
            DuckDbHashFunctions.register(conn, direct);
            st.execute("CREATE TABLE t (i INTEGER, s VARCHAR)");
            StringBuilder insert = new StringBuilder("INSERT INTO t VALUES ");
            for (int i = 0; i < ROWS; i++) {
                String v = value(i);
                insert.append(i == 0 ? "" : ", ").append('(').append(i).append(", ")
                    .append(v == null ? "NULL" : DuckDbDialect.STRUCT.stringLiteral(v)).append(')');
            }
            st.execute(insert.toString());
            for (HashAlgorithm algorithm : DuckDbHashFunctions.FUNCTION_NAMES.keySet()) {
                List<String> got = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT " + DuckDbDialect.STRUCT.hash(algorithm, "s") + " FROM t ORDER BY i")) {
                    while (rs.next()) {
                        got.add(rs.getString(1));
                    }
                }
                List<String> expected = new ArrayList<>();
                for (int i = 0; i < ROWS; i++) {
                    expected.add(algorithm.hash(value(i)));
                }
                assertThat(got).as("%s over %d rows", algorithm, ROWS).isEqualTo(expected);
                try (ResultSet rs = st.executeQuery("SELECT " + DuckDbDialect.STRUCT.hash(algorithm, "'hello'") + ", typeof("
                    + DuckDbHashFunctions.FUNCTION_NAMES.get(algorithm) + "('x')) FROM range(3000)")) {
                    int n = 0;
                    while (rs.next()) {
                        assertThat(rs.getString(1)).isEqualTo(algorithm.hash("hello"));
                        assertThat(rs.getString(2)).isEqualTo(algorithm == HashAlgorithm.XXHASH32 ? "UINTEGER" : "UBIGINT");
                        n++;
                    }
                    assertThat(n).isEqualTo(3000);
                }
            }
        }
    }
}
