package dev.metaxy.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Function;

/** Writes one statement: dialect-quoted names and a list of common table expressions. */
final class SqlWriter {
    private final VersioningDialect dialect;
    private final List<String> ctes = new ArrayList<>();

    SqlWriter(VersioningDialect dialect) {
        this.dialect = dialect;
    }

    VersioningDialect dialect() {
        return dialect;
    }

    String id(String name) {
        return dialect.quoteIdentifier(name);
    }

    String col(String alias, String column) {
        return id(alias) + "." + id(column);
    }

    String as(String sqlExpr, String name) {
        return sqlExpr + " AS " + id(name);
    }

    String lit(String value) {
        return dialect.stringLiteral(value);
    }

    /** {@code alias.c} for each column, comma separated. */
    String cols(String alias, List<String> columns) {
        return join(columns, c -> col(alias, c));
    }

    static <T> String join(List<T> items, Function<T, String> render) {
        StringJoiner joiner = new StringJoiner(", ");
        items.forEach(i -> joiner.add(render.apply(i)));
        return joiner.toString();
    }

    /** Conjunction of {@code left.c = right.c} over the columns; such equality never matches NULL keys. */
    String keysEqual(String left, String right, List<String> columns) {
        StringJoiner joiner = new StringJoiner(" AND ");
        columns.forEach(c -> joiner.add(col(left, c) + " = " + col(right, c)));
        return joiner.toString();
    }

    /** Adds {@code name AS (body)} and returns {@code name}. */
    String cte(String name, String body) {
        ctes.add(id(name) + " AS (\n  " + body + "\n)");
        return name;
    }

    /** The statement: the common table expressions followed by {@code select}. */
    String finish(String select) {
        return ctes.isEmpty() ? select : "WITH " + String.join(",\n", ctes) + "\n" + select;
    }
}
