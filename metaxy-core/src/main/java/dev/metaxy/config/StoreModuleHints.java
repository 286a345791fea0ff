package dev.metaxy.config;

import java.util.Locale;
import java.util.Optional;

/**
 * For a store type no provider on the class path accepts: which store module the name belongs to, and how to add it.
 * The {@code metaxy} distribution carries DuckDB, PostgreSQL, Delta Lake and Iceberg; the Spark store needs Spark's
 * own jars, which it leaves out.
 */
final class StoreModuleHints {
    private StoreModuleHints() {
    }

    static Optional<String> forType(String type) {
        String t = type.toLowerCase(Locale.ROOT);
        if (t.equals("spark") || t.endsWith("sparkmetadatastore")) {
            return Optional.of("the Spark store needs metaxy-spark and Spark 4.1 (with delta-spark or iceberg-spark-runtime) on the"
                + " class path: set METAXY_CLASSPATH to lib/optional/metaxy-spark-*.jar of the distribution plus Spark's jars"
                + " (from a source checkout: METAXY_CLASSPATH=\"$(bin/metaxy-spark-classpath)\"), or run under spark-submit");
        }
        String module = t.contains("postgres") ? "metaxy-postgres"
            : t.contains("delta") ? "metaxy-delta"
            : t.contains("iceberg") ? "metaxy-iceberg"
            : t.contains("duckdb") ? "metaxy-duckdb"
            : null;
        return Optional.ofNullable(module).map(m -> "its store module " + m + " is not on the class path (add its jar and"
            + " dependencies, or use the metaxy distribution, which carries it)");
    }
}
