package dev.metaxy.sql;

import dev.metaxy.expr.SqlDialect;
import java.util.List;
import java.util.Objects;

/**
 * A relation the SQL engine reads or produces: a table or a query, with its column names in order. The engine
 * needs the columns to write explicit projections (no {@code SELECT *}) portable across dialects.
 */
public final class SqlRelation {
    private final String fromItem;
    private final String sql;
    private final List<String> columns;

    private SqlRelation(String fromItem, String sql, List<String> columns) {
        this.fromItem = fromItem;
        this.sql = sql;
        this.columns = List.copyOf(columns);
    }

    /** A table (optionally schema-qualified by the caller), its name quoted by {@code dialect}. */
    public static SqlRelation table(SqlDialect dialect, String table, List<String> columns) {
        String quoted = dialect.quoteIdentifier(Objects.requireNonNull(table, "table"));
        return new SqlRelation(quoted, "SELECT * FROM " + quoted, columns);
    }

    /** A SELECT statement. */
    public static SqlRelation query(String selectSql, List<String> columns) {
        Objects.requireNonNull(selectSql, "selectSql");
        return new SqlRelation("(" + selectSql + ")", selectSql, columns);
    }

    /** Text usable after {@code FROM}: the quoted table name or the parenthesised query. */
    public String fromItem() {
        return fromItem;
    }

    /** A statement returning the relation's rows. */
    public String sql() {
        return sql;
    }

    public List<String> columns() {
        return columns;
    }

    /** True when the relation has a column of this name. */
    public boolean has(String column) {
        return columns.contains(column);
    }

    @Override
    public String toString() {
        return "SqlRelation[" + fromItem + ", columns=" + columns + "]";
    }
}
