package dev.metaxy.reliability;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The census of a SQL store, taken on its own JDBC connection. */
final class SqlCensus {
    private SqlCensus() {
    }

    /** Every base table listed by {@code tableListSql} with its {@code count(*)}. */
    static TableCensus take(Connection c, String tableListSql) {
        Map<String, Long> rows = new TreeMap<>();
        for (String t : strings(c, tableListSql)) {
            rows.put(t, count(c, "SELECT count(*) FROM \"" + t + "\""));
        }
        return new TableCensus(rows, Map.of());
    }

    static List<String> strings(Connection c, String sql) {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<String> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    static long count(Connection c, String sql) {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
