package dev.metaxy.testing;

import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.SystemColumns;
import dev.metaxy.sql.SqlRelation;
import dev.metaxy.sql.VersioningDialect;
import dev.metaxy.testing.SqlTestDialect.ColumnKind;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Creates test tables from rows given as maps and reads query results back as maps, on any database a
 * {@link SqlTestDialect} describes. Column types are inferred (BIGINT for Integer/Long, DOUBLE for other numbers,
 * BOOLEAN, TIMESTAMP for {@link Instant}, else TEXT) unless declared; by-field columns get
 * {@link SqlTestDialect#byFieldType}.
 */
public final class SqlTestTables {
    /** Declared types spelled portably (as DuckDB does), translated through {@link SqlTestDialect#typeName}. */
    private static final Map<String, ColumnKind> PORTABLE = Map.of("BIGINT", ColumnKind.BIGINT, "DOUBLE", ColumnKind.DOUBLE,
        "BOOLEAN", ColumnKind.BOOLEAN, "TIMESTAMPTZ", ColumnKind.TIMESTAMP, "VARCHAR", ColumnKind.TEXT);

    private final Connection connection;
    private final SqlTestDialect sql;
    private final VersioningDialect dialect;

    public SqlTestTables(Connection connection, SqlTestDialect sql) {
        this.connection = connection;
        this.sql = sql;
        this.dialect = sql.dialect();
    }

    /**
     * Creates (or replaces) {@code table} holding {@code rows} and returns it as a relation. {@code columns} fixes the
     * column order (null: first appearance in rows); {@code byFieldKeys} gives the keys of each by-field column;
     * {@code declaredTypes} (may be null) overrides inference, with BIGINT, DOUBLE, BOOLEAN, TIMESTAMPTZ and VARCHAR
     * translated for the database and any other name used as it is.
     */
    public SqlRelation create(String table, List<String> columns, List<Map<String, Object>> rows,
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
                String declared = declaredTypes.get(c);
                ColumnKind kind = PORTABLE.get(declared);
                types.put(c, kind == null ? declared : sql.typeName(kind));
            } else if (byFieldKeys.containsKey(c)) {
                types.put(c, sql.byFieldType(byFieldKeys.get(c)));
            } else {
                types.put(c, sql.typeName(infer(rows, c)));
            }
        }
        List<String> defs = new ArrayList<>();
        types.forEach((c, t) -> defs.add(dialect.quoteIdentifier(c) + " " + t));
        String quoted = dialect.quoteIdentifier(table);
        try (Statement st = connection.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + quoted);
            st.execute("CREATE TABLE " + quoted + " (" + String.join(", ", defs) + ")");
            if (!rows.isEmpty()) {
                List<String> tuples = new ArrayList<>();
                for (Map<String, Object> r : rows) {
                    List<String> values = new ArrayList<>();
                    for (String c : names) {
                        values.add("CAST(" + literal(r.get(c), byFieldKeys.get(c)) + " AS " + types.get(c) + ")");
                    }
                    tuples.add("(" + String.join(", ", values) + ")");
                }
                st.execute("INSERT INTO " + quoted + " VALUES " + String.join(", ", tuples));
            }
        }
        return SqlRelation.table(dialect, table, new ArrayList<>(names));
    }

    /** The {@code byFieldKeys} of a feature's stored table: both by-field columns keyed by its fields' struct keys. */
    public static Map<String, List<String>> byFieldColumns(FeatureSpec spec) {
        List<String> keys = new ArrayList<>();
        spec.fields().forEach(f -> keys.add(f.key().toStructKey()));
        return Map.of(SystemColumns.PROVENANCE_BY_FIELD, keys, SystemColumns.DATA_VERSION_BY_FIELD, keys);
    }

    /** The rows of {@code query}, each a map from column label to {@link SqlTestDialect#readValue}. */
    public List<Map<String, Object>> query(String query) throws SQLException {
        return query(connection, sql, query);
    }

    /** The rows of {@code query} on {@code connection}, as {@link #query(String)}. */
    public static List<Map<String, Object>> query(Connection connection, SqlTestDialect sql, String query) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(query)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnLabel(i), sql.readValue(rs, i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static ColumnKind infer(List<Map<String, Object>> rows, String column) {
        ColumnKind type = null;
        for (Map<String, Object> r : rows) {
            Object v = r.get(column);
            ColumnKind t = v == null ? null
                : v instanceof Integer || v instanceof Long ? ColumnKind.BIGINT
                : v instanceof Number ? ColumnKind.DOUBLE
                : v instanceof Boolean ? ColumnKind.BOOLEAN
                : v instanceof Instant ? ColumnKind.TIMESTAMP
                : ColumnKind.TEXT;
            if (t == null) {
                continue;
            }
            if (type == null || type == t) {
                type = t;
            } else if (numeric(type) && numeric(t)) {
                type = ColumnKind.DOUBLE;
            } else {
                type = ColumnKind.TEXT;
            }
        }
        return type == null ? ColumnKind.TEXT : type;
    }

    private static boolean numeric(ColumnKind type) {
        return type == ColumnKind.BIGINT || type == ColumnKind.DOUBLE;
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
            return "CAST(" + dialect.stringLiteral(i.toString()) + " AS " + sql.typeName(ColumnKind.TIMESTAMP) + ")";
        }
        return dialect.stringLiteral(v.toString());
    }
}
