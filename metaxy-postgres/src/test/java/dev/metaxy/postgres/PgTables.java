package dev.metaxy.postgres;

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
 * Creates PostgreSQL test tables from rows given as maps. Column types are inferred (bigint, double precision,
 * boolean, timestamptz for {@link Instant}, else text) unless declared; by-field columns are JSONB objects.
 */
final class PgTables {
    private final Connection connection;
    private final PostgresDialect dialect = PostgresDialect.INSTANCE;

    PgTables(Connection connection) {
        this.connection = connection;
    }

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
            if (byFieldKeys.containsKey(c)) {
                types.put(c, "jsonb");
            } else if (declaredTypes != null && declaredTypes.containsKey(c)) {
                types.put(c, declaredTypes.get(c).equals("DOUBLE") ? "double precision" : declaredTypes.get(c));
            } else {
                types.put(c, infer(rows, c));
            }
        }
        List<String> defs = new ArrayList<>();
        types.forEach((c, t) -> defs.add(dialect.quoteIdentifier(c) + " " + t));
        try (Statement st = connection.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + dialect.quoteIdentifier(table));
            st.execute("CREATE TABLE " + dialect.quoteIdentifier(table) + " (" + String.join(", ", defs) + ")");
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

    private static String infer(List<Map<String, Object>> rows, String column) {
        String type = null;
        for (Map<String, Object> r : rows) {
            Object v = r.get(column);
            String t = v == null ? null
                : v instanceof Integer || v instanceof Long ? "bigint"
                : v instanceof Number ? "double precision"
                : v instanceof Boolean ? "boolean"
                : v instanceof Instant ? "timestamptz"
                : "text";
            if (t == null) {
                continue;
            }
            if (type == null || type.equals(t)) {
                type = t;
            } else if (numeric(type) && numeric(t)) {
                type = "double precision";
            } else {
                type = "text";
            }
        }
        return type == null ? "text" : type;
    }

    private static boolean numeric(String type) {
        return type.equals("bigint") || type.equals("double precision");
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
            return "CAST(" + dialect.stringLiteral(i.toString()) + " AS timestamptz)";
        }
        return dialect.stringLiteral(v.toString());
    }
}
