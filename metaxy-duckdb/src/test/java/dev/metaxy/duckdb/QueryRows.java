package dev.metaxy.duckdb;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.duckdb.DuckDBStruct;

/** Runs a query and returns its rows as maps; STRUCT and MAP values become {@code Map<String, Object>}. */
final class QueryRows {
    private QueryRows() {
    }

    static List<Map<String, Object>> run(Connection connection, String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnName(i), convert(rs.getObject(i)));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static Object convert(Object v) throws SQLException {
        if (v instanceof DuckDBStruct s) {
            return new LinkedHashMap<>(s.getMap());
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), x));
            return out;
        }
        return v;
    }

    /** Rows projected on {@code columns} as sorted strings, numbers and maps normalised, for multiset comparison. */
    static List<String> canonical(List<Map<String, Object>> rows, List<String> columns) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Map<String, Object> projected = new TreeMap<>();
            for (String c : columns) {
                Object v = r.get(c);
                projected.put(c, v instanceof Map<?, ?> m ? new TreeMap<>(m).toString() : v == null ? null : v.toString());
            }
            out.add(projected.toString());
        }
        out.sort(null);
        return out;
    }
}
