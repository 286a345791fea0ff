package dev.metaxy.duckdb;

import dev.metaxy.definition.FeatureKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Native DuckDB tables, one per feature, named table prefix plus {@code a__b} (the default storage). */
final class DuckDbTableStorage implements FeatureTableStorage {
    private final String tablePrefix;

    DuckDbTableStorage(String tablePrefix) {
        this.tablePrefix = tablePrefix == null ? "" : tablePrefix;
    }

    @Override
    public String tableName(FeatureKey key) {
        return tablePrefix + key.tableName();
    }

    @Override
    public boolean exists(Connection conn, FeatureKey key) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = ? AND table_schema = current_schema()")) {
            ps.setString(1, tableName(key));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    @Override
    public String relation(Connection conn, FeatureKey key) {
        return q(tableName(key));
    }

    @Override
    public void append(Connection conn, FeatureKey key, String selectSql) throws SQLException {
        String table = q(tableName(key));
        boolean exists = exists(conn, key);
        try (Statement st = conn.createStatement()) {
            st.execute(exists ? "INSERT INTO " + table + " BY NAME " + selectSql : "CREATE TABLE " + table + " AS " + selectSql);
        }
    }

    @Override
    public long deleteWhere(Connection conn, FeatureKey key, String condition) throws SQLException {
        try (Statement st = conn.createStatement()) {
            return st.executeUpdate("DELETE FROM " + q(tableName(key)) + (condition == null ? "" : " WHERE " + condition));
        }
    }

    @Override
    public void drop(Connection conn, FeatureKey key) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + q(tableName(key)));
        }
    }

    private static String q(String name) {
        return DuckDbDialect.STRUCT.quoteIdentifier(name);
    }
}
