package dev.metaxy.bench;

import dev.metaxy.duckdb.DuckDbDialect;
import dev.metaxy.duckdb.DuckDbHashFunctions;
import dev.metaxy.hash.HashAlgorithm;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.duckdb.DuckDBFunctions;

/**
 * {@code metaxy-bench hash-throughput}: hash values per second inside DuckDB, in one run and on the same in-memory
 * table of per-field provenance strings: the store's vectorised {@code metaxy_xxh64} (as {@link DuckDbDialect#hash}
 * renders it), a row-at-a-time Java UDF (String in, String out, the previous implementation) and DuckDB's built-in
 * {@code md5} and {@code hash} for reference. Each expression runs once untimed (JIT warm-up), then {@code rounds}
 * times timed; the median is reported.
 */
public final class HashThroughput {
    static final String ROWWISE = "metaxy_bench_rowwise_xxh64";

    private HashThroughput() {
    }

    /** Runs the comparison on {@code n} strings and returns values/s per expression name. */
    public static Map<String, Double> run(long n, int rounds, PrintStream out) throws SQLException {
        Map<String, String> exprs = new LinkedHashMap<>();
        exprs.put("metaxy_xxh64 (vectorised, as the dialect renders it)", DuckDbDialect.MAP.hash(HashAlgorithm.XXHASH64, "s"));
        exprs.put("row-at-a-time Java UDF (String -> String)", ROWWISE + "(s)");
        exprs.put("DuckDB md5 (built in)", DuckDbDialect.MAP.hash(HashAlgorithm.MD5, "s"));
        exprs.put("DuckDB hash (built in, rendered)", "CAST(hash(s) AS VARCHAR)");
        Map<String, Double> result = new LinkedHashMap<>();
        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:"); Statement st = conn.createStatement()) {
            DuckDbHashFunctions.register(conn);
            DuckDBFunctions.scalarFunction().withName(ROWWISE).withParameter(String.class).withReturnType(String.class)
                .withFunction((String s) -> s == null ? null : HashAlgorithm.XXHASH64.hash(s)).register(conn);
            st.execute("CREATE TABLE strings AS SELECT 'prediction|1|root.audio|' || lpad(to_hex(i * 2654435761), 16, '0')"
                + " || '|root.frames|' || lpad(to_hex(i * 40503), 16, '0') AS s FROM range(" + n + ") t(i)");
            String check = null;
            for (var e : exprs.entrySet()) {
                List<Double> times = new ArrayList<>();
                for (int r = -1; r < rounds; r++) {
                    long t0 = System.nanoTime();
                    try (ResultSet rs = st.executeQuery("SELECT sum(length(" + e.getValue() + ")), min(" + e.getValue() + ") FROM strings")) {
                        rs.next();
                        if (e.getKey().startsWith("metaxy") || e.getKey().startsWith("row")) {
                            String min = rs.getString(2);
                            if (check != null && !check.equals(min)) {
                                throw new IllegalStateException("The UDFs disagree: " + check + " vs " + min);
                            }
                            check = min;
                        }
                    }
                    if (r >= 0) {
                        times.add((System.nanoTime() - t0) / 1e9);
                    }
                }
                double median = Stats.median(times);
                result.put(e.getKey(), n / median);
                out.printf(Locale.ROOT, "%-55s %8.3f s median of %d  %,12.0f values/s%n", e.getKey(), median, rounds, n / median);
            }
        }
        List<Double> v = new ArrayList<>(result.values());
        out.printf(Locale.ROOT, "vectorised / row-at-a-time: %.1fx%n", v.get(0) / v.get(1));
        return result;
    }
}
