package dev.metaxy.postgres;

import com.fasterxml.jackson.databind.ObjectMapper;
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

/** Runs a query and returns its rows as maps; JSONB objects become {@code Map<String, Object>}. */
final class PgQueryRows {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PgQueryRows() {
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> run(Connection connection, String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object v;
                    if (md.getColumnTypeName(i).equals("jsonb")) {
                        String s = rs.getString(i);
                        try {
                            v = s == null ? null : JSON.readValue(s, LinkedHashMap.class);
                        } catch (java.io.IOException e) {
                            throw new SQLException(e);
                        }
                    } else {
                        v = rs.getObject(i);
                    }
                    row.put(md.getColumnLabel(i), v);
                }
                rows.add(row);
            }
        }
        return rows;
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
