package dev.metaxy.duckdb;

import dev.metaxy.definition.FeatureKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Native DuckDB tables, one per feature, named table prefix plus {@code a__b} (the default storage). */
final class DuckDbTableStorage implements FeatureTableStorage {
    private static final java.util.Map<String, Object> CREATION_LOCKS = new java.util.concurrent.ConcurrentHashMap<>();

    private final String tablePrefix;
    private final Object creationLock;

    DuckDbTableStorage(String tablePrefix) {
        this(tablePrefix, new Object());
    }

    /** {@code creationLock} serialises table creation; share it among the stores of one database file. */
    DuckDbTableStorage(String tablePrefix, Object creationLock) {
        this.tablePrefix = tablePrefix == null ? "" : tablePrefix;
        this.creationLock = creationLock;
    }

    /** The table-creation lock of a database file of this process (a new one for {@code :memory:}, its own database). */
    static Object creationLock(String database) {
        if (database == null || database.isEmpty() || database.equals(":memory:")) {
            return new Object();
        }
        return CREATION_LOCKS.computeIfAbsent(java.nio.file.Path.of(database).toAbsolutePath().normalize().toString(),
            k -> new Object());
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

    /**
     * Inserts {@code selectSql}'s rows, or creates the table from them (one atomic statement) when it does not exist.
     * Creation is serialised per database file: two connections of this process creating the same table at once
     * would otherwise fail with DuckDB's "Catalog write-write conflict" (a DuckDB file has one writing process, so an
     * in-process lock is enough).
     */
    @Override
    public void append(Connection conn, FeatureKey key, String selectSql) throws SQLException {
        String table = q(tableName(key));
        if (!exists(conn, key)) {
            synchronized (creationLock) {
                if (!exists(conn, key)) {
                    try (Statement st = conn.createStatement()) {
                        st.execute("CREATE TABLE " + table + " AS " + selectSql);
                    }
                    return;
                }
            }
        }
        try (Statement st = conn.createStatement()) {
            st.execute("INSERT INTO " + table + " BY NAME " + selectSql);
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
