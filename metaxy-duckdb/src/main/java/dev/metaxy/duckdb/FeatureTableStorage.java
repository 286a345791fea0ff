package dev.metaxy.duckdb;

import dev.metaxy.definition.FeatureKey;
import dev.metaxy.store.AccessMode;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where {@link DuckDbMetadataStore} keeps its feature tables, while all compute (reads, increments, write
 * stamping, deletes) stays SQL in the store's DuckDB connection. The default keeps native DuckDB tables;
 * storage-only stores (Delta Lake, Iceberg) keep the rows in a table format and hand DuckDB a relation over the
 * live Parquet files of a snapshot, e.g. {@code read_parquet([...])}.
 *
 * <p>Every method receives the store's open connection. Keys may be system keys ({@code metaxy-system/...}).
 */
public interface FeatureTableStorage {

    /** Called after the store opened its connection (outermost open). */
    default void open(Connection conn, AccessMode mode) throws SQLException {
    }

    /** Called before the store closes its connection (outermost close). */
    default void close() {
    }

    /** The table name used in messages, such as {@code a__b} or {@code /root/a/b.delta}. */
    String tableName(FeatureKey key);

    /** Whether the feature has a table (an empty table exists too). */
    boolean exists(Connection conn, FeatureKey key) throws SQLException;

    /**
     * A FROM item over the live rows of an existing table, for example a quoted table name or
     * {@code read_parquet(['/x/part-1.parquet'], union_by_name = true)}. It must stay readable for the
     * lifetime of the open store, even after later writes or deletes.
     */
    String relation(Connection conn, FeatureKey key) throws SQLException;

    /** Appends the rows of {@code selectSql} (run on {@code conn}), creating the table when it does not exist. */
    void append(Connection conn, FeatureKey key, String selectSql) throws SQLException;

    /**
     * Physically removes the rows for which {@code condition} (a DuckDB boolean expression over the table's columns;
     * null = every row) is true, and returns how many were removed. The table must exist.
     */
    long deleteWhere(Connection conn, FeatureKey key, String condition) throws SQLException;

    /** Removes the feature's table (no-op when missing). */
    void drop(Connection conn, FeatureKey key) throws SQLException;
}
