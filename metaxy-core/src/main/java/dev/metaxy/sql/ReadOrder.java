package dev.metaxy.sql;

import dev.metaxy.definition.FeatureKey;
import dev.metaxy.store.ReadOptions;
import java.util.Collection;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** The row order of a read ({@link ReadOptions#orderBy()}), shared by every SQL-planned store. */
public final class ReadOrder {
    private ReadOrder() {
    }

    /** Refuses a sort column the feature's table lacks, naming it. */
    public static void requireColumns(FeatureKey key, Collection<String> columns, ReadOptions options) {
        for (String c : options.orderBy()) {
            if (!columns.contains(c)) {
                throw new IllegalArgumentException("Feature " + key + " has no column '" + c + "' to order by (columns: " + columns + ")");
            }
        }
    }

    /** {@code sql} sorted by the read's columns, ascending ({@code sql} itself when there are none). */
    public static String apply(String sql, ReadOptions options, UnaryOperator<String> quote) {
        if (options.orderBy().isEmpty()) {
            return sql;
        }
        return "SELECT * FROM (" + sql + ") AS read_rows ORDER BY " + options.orderBy().stream().map(quote).collect(Collectors.joining(", "));
    }
}
