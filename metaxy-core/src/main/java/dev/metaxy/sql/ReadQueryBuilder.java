package dev.metaxy.sql;

import dev.metaxy.definition.SystemColumns;
import dev.metaxy.expr.Expression;
import dev.metaxy.expr.Expressions;
import dev.metaxy.expr.SqlRenderer;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a store read (metadata-store §3): optional feature-version filter, latest row per id group by
 * {@code coalesce(metaxy_deleted_at, metaxy_updated_at)} (NULL keys lose), soft-deleted rows dropped, user filters
 * after deduplication, then column selection.
 */
final class ReadQueryBuilder {
    /** Tie-breakers after the recency key, so one whole row wins deterministically. */
    private static final List<String> TIE_BREAKERS = List.of(SystemColumns.CREATED_AT, SystemColumns.FEATURE_VERSION,
        SystemColumns.PROVENANCE, SystemColumns.DATA_VERSION, SystemColumns.MATERIALIZATION_ID);
    private static final String ROW_NUMBER = "__metaxy_row_number";

    private final VersioningDialect d;

    ReadQueryBuilder(VersioningDialect dialect) {
        this.d = dialect;
    }

    SqlRelation build(SqlRelation table, List<String> idColumns, String featureVersion, List<Expression> filters,
                      boolean includeSoftDeleted, boolean withSampleHistory, List<String> columns) {
        SqlWriter w = new SqlWriter(d);
        List<String> all = table.columns();
        List<String> output = columns == null ? all : columns;
        for (String c : output) {
            requireColumn(table, c, "selected");
        }
        List<String> outer = new ArrayList<>();
        SqlRenderer renderer = new SqlRenderer(d).withTableAlias("t");
        if (filters != null) {
            for (Expression f : filters) {
                Expressions.requireColumns(f, all);
                outer.add(renderer.render(f));
            }
        }
        if (!includeSoftDeleted) {
            requireColumn(table, SystemColumns.DELETED_AT, "system");
            outer.add(0, w.col("t", SystemColumns.DELETED_AT) + " IS NULL");
        }
        String versionFilter = "";
        if (featureVersion != null) {
            requireColumn(table, SystemColumns.FEATURE_VERSION, "system");
            versionFilter = " WHERE " + w.col("s", SystemColumns.FEATURE_VERSION) + " = " + w.lit(featureVersion);
        }
        String inner;
        if (withSampleHistory) {
            inner = "SELECT " + w.cols("s", all) + " FROM " + table.fromItem() + " AS " + w.id("s") + versionFilter;
        } else {
            if (idColumns == null || idColumns.isEmpty()) {
                throw new IllegalArgumentException("Deduplicating a read needs the feature's id columns");
            }
            idColumns.forEach(c -> requireColumn(table, c, "id"));
            requireColumn(table, SystemColumns.UPDATED_AT, "system");
            requireColumn(table, SystemColumns.DELETED_AT, "system");
            List<String> order = new ArrayList<>();
            order.add(d.coalesce(List.of(w.col("s", SystemColumns.DELETED_AT), w.col("s", SystemColumns.UPDATED_AT)))
                + " DESC NULLS LAST");
            for (String c : TIE_BREAKERS) {
                if (table.has(c)) {
                    order.add(w.col("s", c) + " DESC NULLS LAST");
                }
            }
            inner = "SELECT " + w.cols("s", all) + ", ROW_NUMBER() OVER (PARTITION BY " + w.cols("s", idColumns)
                + " ORDER BY " + String.join(", ", order) + ") AS " + w.id(ROW_NUMBER)
                + " FROM " + table.fromItem() + " AS " + w.id("s") + versionFilter;
            outer.add(0, w.col("t", ROW_NUMBER) + " = 1");
        }
        String where = outer.isEmpty() ? "" : " WHERE " + String.join(" AND ", outer);
        return SqlRelation.query("SELECT " + w.cols("t", output) + " FROM (" + inner + ") AS " + w.id("t") + where, output);
    }

    private static void requireColumn(SqlRelation table, String column, String what) {
        if (!table.has(column)) {
            throw new IllegalArgumentException("Table " + table.fromItem() + " has no " + what + " column '" + column
                + "'; its columns: " + table.columns());
        }
    }
}
