package dev.metaxy.reliability;

import dev.metaxy.duckdb.DuckDbMetadataStore;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.postgres.PostgresMetadataStore;
import dev.metaxy.postgres.PostgresServer;
import dev.metaxy.store.MetadataStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The store modules the reliability tests run against. A <em>location</em> is what a store (in this JVM or in a
 * child JVM) needs to reach the same data: a DuckDB file path, or the JDBC URL of a fresh PostgreSQL database on
 * the throwaway test server.
 */
public enum StoreKind {
    DUCKDB {
        @Override
        String newLocation(Path dir) {
            return dir.resolve("metadata.duckdb").toString();
        }

        @Override
        MetadataStore build(FeatureGraph graph, String location) {
            return DuckDbMetadataStore.builder(graph).database(location).autoCreateTables(true).build();
        }

        @Override
        Connection connection(MetadataStore store) {
            return ((DuckDbMetadataStore) store).connection();
        }

        @Override
        String tableListSql() {
            return "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'";
        }

        @Override
        boolean multiProcessWriters() {
            return false;
        }
    },
    POSTGRES {
        @Override
        String newLocation(Path dir) {
            synchronized (StoreKind.class) { // concurrent CREATE DATABASE can trip over the template's lock
                return PostgresServer.get().freshDatabase("rel");
            }
        }

        @Override
        MetadataStore build(FeatureGraph graph, String location) {
            // md5 is native in PostgreSQL; the default xxhash32 runs as PL/pgSQL, ~100x slower, and what these tests
            // prove does not depend on the algorithm (the contract suite covers xxhash on PostgreSQL)
            return PostgresMetadataStore.builder(graph).url(location).hashAlgorithm(HashAlgorithm.MD5).autoCreateTables(true).build();
        }

        @Override
        Connection connection(MetadataStore store) {
            return ((PostgresMetadataStore) store).connection();
        }

        @Override
        String tableListSql() {
            return "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema()";
        }

        @Override
        boolean multiProcessWriters() {
            return true;
        }

        @Override
        int crashBatchRows() {
            return 2_000;
        }
    };

    /** A fresh, empty location for one test (under {@code dir} where the store is file-based). */
    abstract String newLocation(Path dir);

    /** A closed store over {@code graph} at {@code location}, creating tables on first write, default hash algorithm. */
    abstract MetadataStore build(FeatureGraph graph, String location);

    /** The open store's own JDBC connection (not to be closed). */
    abstract Connection connection(MetadataStore store);

    abstract String tableListSql();

    /** Rows per write() in the crash tests: large enough that kills land inside writes, small enough to stay fast. */
    int crashBatchRows() {
        return 20_000;
    }

    /** Whether several processes may write to one location at once. */
    abstract boolean multiProcessWriters();

    /** Every base table at the store's location with its physical row count (all versions, tombstones included). */
    Map<String, Long> snapshot(MetadataStore store) {
        Connection c = connection(store);
        Map<String, Long> out = new TreeMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(tableListSql())) {
            while (rs.next()) {
                out.put(rs.getString(1), null);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        for (String t : out.keySet()) {
            out.put(t, count(store, "SELECT count(*) FROM \"" + t + "\""));
        }
        return out;
    }

    /** Runs a {@code SELECT count(*) ...}-style query on the open store's connection. */
    long count(MetadataStore store, String sql) {
        try (Statement st = connection(store).createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** {@code group -> count} rows of {@code SELECT g, count(*) ... GROUP BY g}. */
    Map<Long, Long> groupCounts(MetadataStore store, String table, String groupColumn) {
        Map<Long, Long> out = new TreeMap<>();
        String sql = "SELECT \"" + groupColumn + "\", count(*) FROM \"" + table + "\" GROUP BY 1";
        try (Statement st = connection(store).createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
        return out;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
