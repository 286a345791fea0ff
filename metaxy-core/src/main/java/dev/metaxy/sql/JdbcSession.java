package dev.metaxy.sql;

import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.MetadataStoreException;
import dev.metaxy.store.StoreNotOpenException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;

/**
 * The JDBC connection of an open {@link SqlMetadataStore}: runs work on it, SQL errors becoming
 * {@link MetadataStoreException}s that name the store. A serialized session lets one caller at a time use the
 * connection, locking the store (so open and close wait for running work).
 */
public final class JdbcSession {
    /** Work on the connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection conn) throws SQLException;
    }

    private final MetadataStore store;
    private final String storeName;
    private final String databaseName;
    private final boolean serialized;
    private final Supplier<Connection> connection;

    /**
     * @param storeName    the store's name in "not open" errors, e.g. {@code DuckDBMetadataStore}
     * @param databaseName the database's name in SQL errors, e.g. {@code DuckDB}
     * @param connection   the store's current connection (null while closed)
     */
    public JdbcSession(MetadataStore store, String storeName, String databaseName, boolean serialized,
                       Supplier<Connection> connection) {
        this.store = store;
        this.storeName = storeName;
        this.databaseName = databaseName;
        this.serialized = serialized;
        this.connection = connection;
    }

    /** Runs {@code work} on the connection of the open store. */
    public <T> T run(Work<T> work) {
        if (serialized) {
            synchronized (store) {
                return runNow(work);
            }
        }
        return runNow(work);
    }

    private <T> T runNow(Work<T> work) {
        Connection conn = connection.get();
        if (!store.isOpen() || conn == null) {
            throw new StoreNotOpenException(storeName + " connection is not open; open the store before running a query");
        }
        try {
            return work.run(conn);
        } catch (SQLException e) {
            throw new MetadataStoreException(databaseName + " error in " + store.display() + ": " + e.getMessage(), e);
        }
    }

    /** Runs a statement that returns no rows. */
    public void execute(String sql) {
        run(conn -> {
            try (Statement st = conn.createStatement()) {
                st.execute(sql);
            }
            return null;
        });
    }

    /** The row count of a SELECT, counted in the database. */
    public long count(String selectSql) {
        return run(conn -> {
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM (" + selectSql + ") AS q")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Work<T> work) {
        return run(conn -> {
            boolean auto = conn.getAutoCommit();
            conn.setAutoCommit(false);
            try {
                T result = work.run(conn);
                conn.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    if (!conn.isClosed()) {
                        conn.rollback();
                    }
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            } finally {
                if (!conn.isClosed()) {
                    conn.setAutoCommit(auto);
                }
            }
        });
    }
}
