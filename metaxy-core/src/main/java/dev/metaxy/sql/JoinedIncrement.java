package dev.metaxy.sql;

import dev.metaxy.expr.SqlDialect;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole increment as one full join of the expected and current rows ({@link #query()}): the
 * {@link SqlVersioningEngine#INCREMENT_KIND_COLUMN}, then the expected columns as {@code __metaxy_e<i>} and the current
 * columns as {@code __metaxy_c<i>} (positional names, as both sides share column names). A store materialises it once
 * and reads the three parts from that table with {@link #parts}, so the expensive work is done once.
 */
public final class JoinedIncrement {
    private final SqlRelation query;
    private final List<String> expectedColumns;
    private final List<String> currentColumns;

    JoinedIncrement(SqlRelation query, List<String> expectedColumns, List<String> currentColumns) {
        this.query = query;
        this.expectedColumns = List.copyOf(expectedColumns);
        this.currentColumns = List.copyOf(currentColumns);
    }

    /** The positional name of the {@code i}-th expected column. */
    static String expectedColumn(int i) {
        return "__metaxy_e" + i;
    }

    /** The positional name of the {@code i}-th current column. */
    static String currentColumn(int i) {
        return "__metaxy_c" + i;
    }

    /** The tagged statement: every new, stale and orphaned row once; only orphaned rows fill the current columns. */
    public SqlRelation query() {
        return query;
    }

    /** New, stale and orphaned as selects of the rows of {@code table}, a materialisation of {@link #query()}. */
    public IncrementQueries parts(SqlDialect dialect, String table) {
        return new IncrementQueries(
            part(dialect, table, IncrementKind.NEW, expectedColumns, true),
            part(dialect, table, IncrementKind.STALE, expectedColumns, true),
            part(dialect, table, IncrementKind.ORPHANED, currentColumns, false));
    }

    private static SqlRelation part(SqlDialect d, String table, IncrementKind kind, List<String> columns, boolean expected) {
        List<String> select = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            select.add(d.quoteIdentifier(expected ? expectedColumn(i) : currentColumn(i)) + " AS " + d.quoteIdentifier(columns.get(i)));
        }
        return SqlRelation.query("SELECT " + String.join(", ", select) + " FROM " + d.quoteIdentifier(table) + " WHERE "
            + d.quoteIdentifier(SqlVersioningEngine.INCREMENT_KIND_COLUMN) + " = " + d.stringLiteral(kind.sqlValue()), columns);
    }
}
