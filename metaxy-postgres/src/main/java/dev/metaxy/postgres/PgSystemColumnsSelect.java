package dev.metaxy.postgres;

import dev.metaxy.definition.SystemColumns;
import dev.metaxy.sql.SqlVersioningEngine;
import dev.metaxy.sql.SystemColumnsStamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * The SELECT list that turns an incoming (COPY-loaded) frame into a feature-table row (Python's
 * {@code _add_system_columns}): versions stamped, provenance computed if absent, timestamps, materialization id and
 * data-version defaults. Incoming by-field columns are JSONB (from a STRUCT or a MAP frame column alike).
 */
final class PgSystemColumnsSelect {
    private final PostgresDialect dialect = PostgresDialect.INSTANCE;
    private final SqlVersioningEngine engine;
    private final List<String> fieldStructKeys;
    private final List<String> sortedStructKeys;

    private final boolean keepAllKeys;

    /**
     * @param keepAllKeys keep every key of incoming by-field objects (map mode) instead of exactly the feature's
     *                    fields (struct mode, like a fixed STRUCT column)
     */
    PgSystemColumnsSelect(SqlVersioningEngine engine, List<String> fieldStructKeys, List<String> sortedStructKeys, boolean keepAllKeys) {
        this.engine = engine;
        this.keepAllKeys = keepAllKeys;
        this.fieldStructKeys = fieldStructKeys;
        this.sortedStructKeys = sortedStructKeys;
    }

    /** The output column names of {@link #select}, in order. */
    static List<String> columns(List<String> incoming) {
        List<String> out = new ArrayList<>();
        for (String c : incoming) {
            if (!SystemColumns.isSystemColumn(c)) {
                out.add(c);
            }
        }
        out.addAll(SystemColumns.ALL);
        return out;
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
        String provenance = in.contains(SystemColumns.PROVENANCE) ? "CAST(" + q(SystemColumns.PROVENANCE) + " AS text)"
            : structHash(q(SystemColumns.PROVENANCE_BY_FIELD));
        items.add(provenance + " AS " + q(SystemColumns.PROVENANCE));
        if (!in.contains(SystemColumns.DATA_VERSION_BY_FIELD)) {
            items.add(pbf + " AS " + q(SystemColumns.DATA_VERSION_BY_FIELD));
            items.add(provenance + " AS " + q(SystemColumns.DATA_VERSION));
        } else {
            String dvbfRaw = "coalesce(" + q(SystemColumns.DATA_VERSION_BY_FIELD) + ", " + q(SystemColumns.PROVENANCE_BY_FIELD) + ")";
            items.add(byField(dvbfRaw) + " AS " + q(SystemColumns.DATA_VERSION_BY_FIELD));
            String dv = in.contains(SystemColumns.DATA_VERSION)
                ? "coalesce(CAST(" + q(SystemColumns.DATA_VERSION) + " AS text), " + provenance + ")"
                : structHash(dvbfRaw);
            items.add(dv + " AS " + q(SystemColumns.DATA_VERSION));
        }
        boolean keepVersions = stamp.preserveVersions() && in.contains(SystemColumns.FEATURE_VERSION) && in.contains(SystemColumns.PROJECT_VERSION);
        items.add((keepVersions ? "CAST(" + q(SystemColumns.FEATURE_VERSION) + " AS text)" : "CAST(" + lit(stamp.featureVersion()) + " AS text)")
            + " AS " + q(SystemColumns.FEATURE_VERSION));
        items.add((keepVersions ? "CAST(" + q(SystemColumns.PROJECT_VERSION) + " AS text)" : "CAST(" + lit(stamp.projectVersion()) + " AS text)")
            + " AS " + q(SystemColumns.PROJECT_VERSION));
        String ts = "CAST(" + lit(stamp.timestamp().toString()) + " AS timestamptz)";
        items.add((in.contains(SystemColumns.CREATED_AT) ? "CAST(" + q(SystemColumns.CREATED_AT) + " AS timestamptz)" : ts)
            + " AS " + q(SystemColumns.CREATED_AT));
        items.add((stamp.keepUpdatedAt() && in.contains(SystemColumns.UPDATED_AT) ? "CAST(" + q(SystemColumns.UPDATED_AT) + " AS timestamptz)" : ts)
            + " AS " + q(SystemColumns.UPDATED_AT));
        items.add((in.contains(SystemColumns.DELETED_AT) ? "CAST(" + q(SystemColumns.DELETED_AT) + " AS timestamptz)" : "CAST(NULL AS timestamptz)")
            + " AS " + q(SystemColumns.DELETED_AT));
        items.add((stamp.materializationId() == null ? "CAST(NULL AS text)" : "CAST(" + lit(stamp.materializationId()) + " AS text)")
            + " AS " + q(SystemColumns.MATERIALIZATION_ID));
        return "SELECT " + String.join(", ", items) + " FROM " + source;
    }

    /** Rebuilds a by-field value with exactly the feature's fields, in spec order; JSON null stays SQL NULL. */
    private String byField(String expr) {
        if (keepAllKeys) {
            return "CASE WHEN " + expr + " IS NULL OR jsonb_typeof(" + expr + ") = 'null' THEN NULL ELSE " + expr + " END";
        }
        LinkedHashMap<String, String> values = new LinkedHashMap<>();
        for (String k : fieldStructKeys) {
            values.put(k, dialect.byFieldValue(expr, k));
        }
        return "CASE WHEN " + expr + " IS NULL OR jsonb_typeof(" + expr + ") = 'null' THEN NULL ELSE "
            + dialect.buildByField(values) + " END";
    }

    private String structHash(String expr) {
        List<String> parts = new ArrayList<>();
        for (String k : sortedStructKeys) {
            parts.add(dialect.byFieldValue(expr, k));
        }
        return engine.hashExpression(dialect.concatWithSeparator("|", parts));
    }

    private String lit(String s) {
        return dialect.stringLiteral(s);
    }

    private String q(String name) {
        return dialect.quoteIdentifier(name);
    }
}
