package dev.metaxy.spark;

import dev.metaxy.definition.SystemColumns;
import dev.metaxy.sql.SqlVersioningEngine;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * The Spark SQL SELECT list that turns incoming rows into feature-table rows (Python's {@code _add_system_columns}):
 * versions stamped, provenance computed if absent, timestamps, materialization id and data-version defaults. The
 * same rules as the DuckDB store's, in Spark syntax.
 */
final class SparkSystemColumns {
    private final SparkDialect dialect;
    private final SqlVersioningEngine engine;
    private final List<String> fieldStructKeys;
    private final List<String> sortedStructKeys;
    private boolean sourceIsMap;
    private List<String> sourceStructKeys = List.of();

    SparkSystemColumns(SparkDialect dialect, SqlVersioningEngine engine, List<String> fieldStructKeys, List<String> sortedStructKeys) {
        this.dialect = dialect;
        this.engine = engine;
        this.fieldStructKeys = fieldStructKeys;
        this.sortedStructKeys = sortedStructKeys;
    }

    /** Everything a write needs to know besides the incoming columns. */
    record Stamp(String featureVersion, String projectVersion, boolean preserveVersions, Instant timestamp,
                 String materializationId, boolean keepUpdatedAt) {
    }

    SparkSystemColumns sourceIsMap(boolean isMap) {
        this.sourceIsMap = isMap;
        return this;
    }

    /** The keys of the incoming STRUCT by-field column (kept in map mode; struct mode rebuilds the feature's fields). */
    SparkSystemColumns sourceStructKeys(List<String> keys) {
        this.sourceStructKeys = List.copyOf(keys);
        return this;
    }

    String select(List<String> incoming, String source, Stamp stamp) {
        Set<String> in = Set.copyOf(incoming);
        List<String> items = new ArrayList<>();
        for (String c : incoming) {
            if (!SystemColumns.isSystemColumn(c)) {
                items.add(q(c));
            }
        }
        String pbf = byField(q(SystemColumns.PROVENANCE_BY_FIELD));
        items.add(pbf + " AS " + q(SystemColumns.PROVENANCE_BY_FIELD));
        String provenance = in.contains(SystemColumns.PROVENANCE) ? "CAST(" + q(SystemColumns.PROVENANCE) + " AS STRING)"
            : structHash(q(SystemColumns.PROVENANCE_BY_FIELD));
        items.add(provenance + " AS " + q(SystemColumns.PROVENANCE));
        if (!in.contains(SystemColumns.DATA_VERSION_BY_FIELD)) {
            items.add(pbf + " AS " + q(SystemColumns.DATA_VERSION_BY_FIELD));
            items.add(provenance + " AS " + q(SystemColumns.DATA_VERSION));
        } else {
            String dvbf = byField(q(SystemColumns.DATA_VERSION_BY_FIELD));
            String filled = "coalesce(" + dvbf + ", " + pbf + ")";
            items.add(filled + " AS " + q(SystemColumns.DATA_VERSION_BY_FIELD));
            String dv = in.contains(SystemColumns.DATA_VERSION)
                ? "coalesce(CAST(" + q(SystemColumns.DATA_VERSION) + " AS STRING), " + provenance + ")"
                : "CASE WHEN " + q(SystemColumns.DATA_VERSION_BY_FIELD) + " IS NULL THEN " + structHash(q(SystemColumns.PROVENANCE_BY_FIELD)) + " ELSE "
                    + structHash(q(SystemColumns.DATA_VERSION_BY_FIELD)) + " END";
            items.add(dv + " AS " + q(SystemColumns.DATA_VERSION));
        }
        boolean keepVersions = stamp.preserveVersions() && in.contains(SystemColumns.FEATURE_VERSION)
            && in.contains(SystemColumns.PROJECT_VERSION);
        items.add((keepVersions ? "CAST(" + q(SystemColumns.FEATURE_VERSION) + " AS STRING)" : dialect.stringLiteral(stamp.featureVersion()))
            + " AS " + q(SystemColumns.FEATURE_VERSION));
        items.add((keepVersions ? "CAST(" + q(SystemColumns.PROJECT_VERSION) + " AS STRING)" : dialect.stringLiteral(stamp.projectVersion()))
            + " AS " + q(SystemColumns.PROJECT_VERSION));
        String ts = timestamp(stamp.timestamp());
        items.add((in.contains(SystemColumns.CREATED_AT) ? "CAST(" + q(SystemColumns.CREATED_AT) + " AS TIMESTAMP)" : ts)
            + " AS " + q(SystemColumns.CREATED_AT));
        items.add((stamp.keepUpdatedAt() && in.contains(SystemColumns.UPDATED_AT) ? "CAST(" + q(SystemColumns.UPDATED_AT) + " AS TIMESTAMP)" : ts)
            + " AS " + q(SystemColumns.UPDATED_AT));
        items.add((in.contains(SystemColumns.DELETED_AT) ? "CAST(" + q(SystemColumns.DELETED_AT) + " AS TIMESTAMP)" : "CAST(NULL AS TIMESTAMP)")
            + " AS " + q(SystemColumns.DELETED_AT));
        items.add((stamp.materializationId() == null ? "CAST(NULL AS STRING)" : dialect.stringLiteral(stamp.materializationId()))
            + " AS " + q(SystemColumns.MATERIALIZATION_ID));
        return "SELECT " + String.join(", ", items) + " FROM " + source;
    }

    /** An exact TIMESTAMP literal (microseconds since the epoch; independent of the session time zone). */
    static String timestamp(Instant instant) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, instant);
        return "timestamp_micros(" + micros + "L)";
    }

    /** Rebuilds a by-field value with exactly the feature's fields, in spec order, as STRUCT or MAP. */
    private String byField(String expr) {
        if (dialect.mapMode() && sourceIsMap) {
            return "CAST(" + expr + " AS MAP<STRING, STRING>)";
        }
        LinkedHashMap<String, String> values = new LinkedHashMap<>();
        List<String> keys = dialect.mapMode() && !sourceStructKeys.isEmpty() ? sourceStructKeys : fieldStructKeys;
        for (String k : keys) {
            values.put(k, "CAST(" + sourceValue(expr, k) + " AS STRING)");
        }
        return "CASE WHEN " + expr + " IS NULL THEN NULL ELSE " + dialect.buildByField(values) + " END";
    }

    private String sourceValue(String expr, String key) {
        return sourceIsMap ? "try_element_at(" + expr + ", " + dialect.stringLiteral(key) + ")"
            : expr + "." + q(key);
    }

    private String structHash(String expr) {
        List<String> parts = new ArrayList<>();
        for (String k : sortedStructKeys) {
            parts.add("CAST(" + sourceValue(expr, k) + " AS STRING)");
        }
        return engine.hashExpression(String.join(" || '|' || ", parts));
    }

    private String q(String name) {
        return dialect.quoteIdentifier(name);
    }
}
