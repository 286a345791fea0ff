package dev.metaxy.duckdb;

import dev.metaxy.definition.SystemColumns;
import dev.metaxy.sql.SqlVersioningEngine;
import dev.metaxy.sql.SystemColumnsStamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * The SELECT list that turns an incoming frame into a feature-table row (Python's {@code _add_system_columns}):
 * versions stamped, provenance computed if absent, timestamps, materialization id and data-version defaults.
 */
final class SystemColumnsSelect {
    private final DuckDbDialect dialect;
    private final SqlVersioningEngine engine;
    private final List<String> fieldStructKeys;
    private final List<String> sortedStructKeys;

    SystemColumnsSelect(DuckDbDialect dialect, SqlVersioningEngine engine, List<String> fieldStructKeys, List<String> sortedStructKeys) {
        this.dialect = dialect;
        this.engine = engine;
        this.fieldStructKeys = fieldStructKeys;
        this.sortedStructKeys = sortedStructKeys;
    }

    String select(List<String> incoming, String source, SystemColumnsStamp stamp) {
        Set<String> in = Set.copyOf(incoming);
        List<String> items = new ArrayList<>();
        for (String c : incoming) {
            if (!SystemColumns.isSystemColumn(c)) {
                items.add(q(c));
            }
        }
        String pbf = byField(q(SystemColumns.PROVENANCE_BY_FIELD));
        items.add(pbf + " AS " + q(SystemColumns.PROVENANCE_BY_FIELD));
        String provenance = in.contains(SystemColumns.PROVENANCE) ? q(SystemColumns.PROVENANCE) : structHash(q(SystemColumns.PROVENANCE_BY_FIELD));
        items.add(provenance + " AS " + q(SystemColumns.PROVENANCE));
        if (!in.contains(SystemColumns.DATA_VERSION_BY_FIELD)) {
            items.add(pbf + " AS " + q(SystemColumns.DATA_VERSION_BY_FIELD));
            items.add(provenance + " AS " + q(SystemColumns.DATA_VERSION));
        } else {
            String dvbfRaw = "coalesce(" + q(SystemColumns.DATA_VERSION_BY_FIELD) + ", " + q(SystemColumns.PROVENANCE_BY_FIELD) + ")";
            items.add(byField(dvbfRaw) + " AS " + q(SystemColumns.DATA_VERSION_BY_FIELD));
            String dv = in.contains(SystemColumns.DATA_VERSION)
                ? "coalesce(" + q(SystemColumns.DATA_VERSION) + ", " + provenance + ")"
                : structHash(dvbfRaw);
            items.add(dv + " AS " + q(SystemColumns.DATA_VERSION));
        }
        boolean keepVersions = stamp.preserveVersions() && in.contains(SystemColumns.FEATURE_VERSION) && in.contains(SystemColumns.PROJECT_VERSION);
        items.add((keepVersions ? "CAST(" + q(SystemColumns.FEATURE_VERSION) + " AS VARCHAR)" : dialect.stringLiteral(stamp.featureVersion()))
            + " AS " + q(SystemColumns.FEATURE_VERSION));
        items.add((keepVersions ? "CAST(" + q(SystemColumns.PROJECT_VERSION) + " AS VARCHAR)" : dialect.stringLiteral(stamp.projectVersion()))
            + " AS " + q(SystemColumns.PROJECT_VERSION));
        String ts = "CAST(" + dialect.stringLiteral(stamp.timestamp().toString()) + " AS TIMESTAMPTZ)";
        items.add((in.contains(SystemColumns.CREATED_AT) ? "CAST(" + q(SystemColumns.CREATED_AT) + " AS TIMESTAMPTZ)" : ts)
            + " AS " + q(SystemColumns.CREATED_AT));
        items.add((stamp.keepUpdatedAt() && in.contains(SystemColumns.UPDATED_AT) ? "CAST(" + q(SystemColumns.UPDATED_AT) + " AS TIMESTAMPTZ)" : ts)
            + " AS " + q(SystemColumns.UPDATED_AT));
        items.add((in.contains(SystemColumns.DELETED_AT) ? "CAST(" + q(SystemColumns.DELETED_AT) + " AS TIMESTAMPTZ)" : "CAST(NULL AS TIMESTAMPTZ)")
            + " AS " + q(SystemColumns.DELETED_AT));
        items.add((stamp.materializationId() == null ? "CAST(NULL AS VARCHAR)" : dialect.stringLiteral(stamp.materializationId()))
            + " AS " + q(SystemColumns.MATERIALIZATION_ID));
        return "SELECT " + String.join(", ", items) + " FROM " + source;
    }

    /** Rebuilds a by-field value with exactly the feature's fields, in spec order, as STRUCT or MAP. */
    private String byField(String expr) {
        if (dialect.mapMode() && sourceIsMap) {
            return "CAST(" + expr + " AS MAP(VARCHAR, VARCHAR))";
        }
        LinkedHashMap<String, String> values = new LinkedHashMap<>();
        List<String> keys = dialect.mapMode() && !sourceStructKeys.isEmpty() ? sourceStructKeys : fieldStructKeys;
        for (String k : keys) {
            values.put(k, "CAST(" + sourceValue(expr, k) + " AS VARCHAR)");
        }
        return "CASE WHEN " + expr + " IS NULL THEN NULL ELSE " + dialect.buildByField(values) + " END";
    }

    private String sourceValue(String expr, String key) {
        return dialect.byFieldValue(expr, key, sourceIsMap);
    }

    private boolean sourceIsMap;
    private List<String> sourceStructKeys = List.of();

    SystemColumnsSelect sourceIsMap(boolean isMap) {
        this.sourceIsMap = isMap;
        return this;
    }

    /**
     * The keys of the incoming STRUCT by-field column. In map mode every key is kept (a MAP may hold keys beyond the
     * current fields, as when a field is added); in struct mode the table's fixed field set is rebuilt.
     */
    SystemColumnsSelect sourceStructKeys(List<String> keys) {
        this.sourceStructKeys = List.copyOf(keys);
        return this;
    }

    private String structHash(String expr) {
        List<String> parts = new ArrayList<>();
        for (String k : sortedStructKeys) {
            parts.add("CAST(" + sourceValue(expr, k) + " AS VARCHAR)");
        }
        return engine.hashExpression(String.join(" || '|' || ", parts));
    }

    private String q(String name) {
        return dialect.quoteIdentifier(name);
    }
}
