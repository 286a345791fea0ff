package dev.metaxy.duckdb;

import dev.metaxy.sql.SqlRelation;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Creates DuckDB test tables from rows given as maps. Column types are inferred (BIGINT, DOUBLE, BOOLEAN,
 * TIMESTAMPTZ for {@link Instant}, else VARCHAR) unless declared; by-field columns become STRUCT or MAP per dialect.
 */
final class DuckDbTables {
    private final Connection connection;
    private final DuckDbDialect dialect;

    DuckDbTables(Connection connection, DuckDbDialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /**
     * Creates (or replaces) {@code table}. {@code columns} fixes the column order (null: first appearance in rows);
     * {@code byFieldKeys} gives the keys of each by-field column; {@code declaredTypes} overrides inference.
     */
    SqlRelation create(String table, List<String> columns, List<Map<String, Object>> rows,
                       Map<String, List<String>> byFieldKeys, Map<String, String> declaredTypes) throws SQLException {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        if (columns != null) {
            names.addAll(columns);
        } else {
            rows.forEach(r -> names.addAll(r.keySet()));
        }
        Map<String, String> types = new LinkedHashMap<>();
        for (String c : names) {
            if (declaredTypes != null && declaredTypes.containsKey(c)) {
                types.put(c, declaredTypes.get(c));
            } else if (byFieldKeys.containsKey(c)) {
                types.put(c, byFieldType(byFieldKeys.get(c)));
            } else {
                types.put(c, infer(rows, c));
            }
        }
        List<String> defs = new ArrayList<>();
        types.forEach((c, t) -> defs.add(dialect.quoteIdentifier(c) + " " + t));
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE OR REPLACE TABLE " + dialect.quoteIdentifier(table) + " (" + String.join(", ", defs) + ")");
            if (!rows.isEmpty()) {
                List<String> tuples = new ArrayList<>();
                for (Map<String, Object> r : rows) {
                    List<String> values = new ArrayList<>();
                    for (String c : names) {
                        values.add("CAST(" + literal(r.get(c), byFieldKeys.get(c)) + " AS " + types.get(c) + ")");
                    }
                    tuples.add("(" + String.join(", ", values) + ")");
                }
                st.execute("INSERT INTO " + dialect.quoteIdentifier(table) + " VALUES " + String.join(", ", tuples));
            }
        }
        return SqlRelation.table(dialect, table, new ArrayList<>(names));
    }

    private String byFieldType(List<String> keys) {
        if (dialect.mapMode()) {
            return "MAP(VARCHAR, VARCHAR)";
        }
        List<String> fields = new ArrayList<>();
        keys.forEach(k -> fields.add(dialect.quoteIdentifier(k) + " VARCHAR"));
        return "STRUCT(" + String.join(", ", fields) + ")";
    }

    private static String infer(List<Map<String, Object>> rows, String column) {
        String type = null;
        for (Map<String, Object> r : rows) {
            Object v = r.get(column);
            String t = v == null ? null
                : v instanceof Integer || v instanceof Long ? "BIGINT"
                : v instanceof Number ? "DOUBLE"
                : v instanceof Boolean ? "BOOLEAN"
                : v instanceof Instant ? "TIMESTAMPTZ"
                : "VARCHAR";
            if (t == null) {
                continue;
            }
            if (type == null || type.equals(t)) {
                type = t;
            } else if (numeric(type) && numeric(t)) {
                type = "DOUBLE";
            } else {
                type = "VARCHAR";
            }
        }
        return type == null ? "VARCHAR" : type;
    }

    private static boolean numeric(String type) {
        return type.equals("BIGINT") || type.equals("DOUBLE");
    }

    @SuppressWarnings("unchecked")
    private String literal(Object v, List<String> byFieldKeys) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> map = (Map<String, Object>) m;
            LinkedHashMap<String, String> values = new LinkedHashMap<>();
            List<String> keys = byFieldKeys != null ? byFieldKeys : new ArrayList<>(map.keySet());
            for (String k : keys) {
                values.put(k, literal(map.get(k), null));
            }
            return dialect.buildByField(values);
        }
        if (v instanceof Boolean b) {
            return dialect.booleanLiteral(b);
        }
        if (v instanceof Integer || v instanceof Long) {
            return v.toString();
        }
        if (v instanceof Double d) {
            return dialect.doubleLiteral(d);
        }
        if (v instanceof Instant i) {
            return "TIMESTAMPTZ " + dialect.stringLiteral(i.toString());
        }
        return dialect.stringLiteral(v.toString());
    }
}
