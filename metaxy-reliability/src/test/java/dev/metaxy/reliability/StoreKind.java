package dev.metaxy.reliability;

import dev.metaxy.delta.DeltaMetadataStore;
import dev.metaxy.duckdb.DuckDbMetadataStore;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.iceberg.IcebergMetadataStore;
import dev.metaxy.postgres.PostgresMetadataStore;
import dev.metaxy.postgres.PostgresServer;
import dev.metaxy.store.MetadataStore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The store modules the reliability tests run against. A <em>location</em> is what a store (in this JVM or in a
 * child JVM) needs to reach the same data: a DuckDB file path, the JDBC URL of a fresh PostgreSQL database on the
 * throwaway test server, a Delta root directory or an Iceberg warehouse directory.
 *
 * <p>A new store joins by adding a constant: how to build it at a location, how to take a {@linkplain #census census}
 * of what it physically holds (independently of the store's own read path where the format allows), its TOML for
 * the CLI tests, and its capabilities ({@link #multiProcessWriters()}, {@link #unsupportedHashAlgorithm()},
 * {@link #badConfigs}). The tests iterate over {@link #selected()}; no test names a kind
 * except for a store-specific property (the DuckDB file lock, PostgreSQL sessions).
 */
public enum StoreKind {
    DUCKDB {
        @Override
        String newLocation(Path dir) {
            return dir.resolve("metadata.duckdb").toString();
        }

        @Override
        MetadataStore build(FeatureGraph graph, String location, HashAlgorithm algorithm) {
            return DuckDbMetadataStore.builder(graph).database(location).hashAlgorithm(algorithm).autoCreateTables(true).build();
        }

        @Override
        TableCensus census(MetadataStore open, String location) {
            return SqlCensus.take(((DuckDbMetadataStore) open).connection(), "SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'");
        }

        @Override
        String cliStoreToml(String location) {
            return "type = \"duckdb\"\n[stores.dev.config]\ndatabase = \"" + location + "\"\n";
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
        HashAlgorithm hashAlgorithm() {
            // md5 is native in PostgreSQL; the default xxhash32 runs as PL/pgSQL, ~100x slower, and what these tests
            // prove does not depend on the algorithm (the contract suite covers xxhash on PostgreSQL)
            return HashAlgorithm.MD5;
        }

        @Override
        MetadataStore build(FeatureGraph graph, String location, HashAlgorithm algorithm) {
            return PostgresMetadataStore.builder(graph).url(location).hashAlgorithm(algorithm).autoCreateTables(true).build();
        }

        @Override
        TableCensus census(MetadataStore open, String location) {
            return SqlCensus.take(((PostgresMetadataStore) open).connection(),
                "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema()");
        }

        @Override
        List<String> temporaryTables(MetadataStore open) {
            return SqlCensus.strings(((PostgresMetadataStore) open).connection(),
                "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname LIKE 'pg_temp%'");
        }

        @Override
        String cliStoreToml(String location) {
            return "type = \"postgres\"\n[stores.dev.config]\nurl = \"" + location + "\"\nhash_algorithm = \"md5\"\n";
        }

        @Override
        Optional<HashAlgorithm> unsupportedHashAlgorithm() {
            return Optional.of(HashAlgorithm.WYHASH);
        }

        /**
         * A killed client's COMMIT may still be running in its server backend: a census taken before that backend ends
         * can miss a batch that lands a moment later. Waits (up to 30 s) until no other client is connected.
         */
        @Override
        void awaitKilledWritersGone(String location) throws Exception {
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(location);
                 java.sql.PreparedStatement st = c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE datname = "
                     + "current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'")) {
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (true) {
                    try (java.sql.ResultSet rs = st.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) == 0 || System.nanoTime() > deadline) {
                            return;
                        }
                    }
                    Thread.sleep(20);
                }
            }
        }

        @Override
        Optional<Path> localDirectory(String location) {
            return Optional.empty(); // a server's database
        }

        @Override
        int crashBatchRows() {
            return 2_000;
        }
    },
    /** Delta Lake on local disk (Delta Kernel commits, DuckDB compute). */
    DELTA {
        @Override
        String newLocation(Path dir) {
            return dir.resolve("delta").toString();
        }

        @Override
        MetadataStore build(FeatureGraph graph, String location, HashAlgorithm algorithm) {
            return DeltaMetadataStore.builder(graph, location).hashAlgorithm(algorithm).build();
        }

        @Override
        HashAlgorithm hashAlgorithm() {
            return HashAlgorithm.MD5; // native in DuckDB; xxhash runs as a Java UDF, and nothing proved here depends on it
        }

        @Override
        int crashBatchRows() {
            return 5_000;
        }

        @Override
        TableCensus census(MetadataStore open, String location) {
            return DeltaCensus.take(Path.of(location));
        }

        @Override
        String cliStoreToml(String location) {
            return "type = \"delta\"\n[stores.dev.config]\nroot_path = \"" + location + "\"\nhash_algorithm = \"md5\"\n";
        }

        @Override
        Map<String, String[]> badConfigs() {
            Map<String, String[]> m = new LinkedHashMap<>();
            String store = "store = \"dev\"\n[stores.dev]\ntype = \"delta\"\n[stores.dev.config]\nroot_path = \"@DB@\"\n";
            m.put("delta: unknown store option", new String[] {store + "bogus_option = 1\n", "bogus_option"});
            m.put("delta: misspelled root_path", new String[] {store.replace("root_path", "root_pth"), "root_pth"});
            m.put("delta: invalid layout", new String[] {store + "layout = \"sideways\"\n", "Invalid layout: sideways"});
            m.put("delta: write mode overwrite", new String[] {store + "delta_write_options = { mode = \"overwrite\" }\n",
                "the metadata store only appends"});
            m.put("delta: storage_options not a table", new String[] {store + "storage_options = \"s3\"\n", "storage_options"});
            return m;
        }
    },
    /** Iceberg on local disk with the default JDBC (SQLite) catalog. */
    ICEBERG {
        @Override
        String newLocation(Path dir) {
            return dir.resolve("warehouse").toString();
        }

        @Override
        MetadataStore build(FeatureGraph graph, String location, HashAlgorithm algorithm) {
            return IcebergMetadataStore.builder(graph, location).hashAlgorithm(algorithm).build();
        }

        @Override
        HashAlgorithm hashAlgorithm() {
            return HashAlgorithm.MD5; // native in DuckDB; xxhash runs as a Java UDF, and nothing proved here depends on it
        }

        @Override
        int crashBatchRows() {
            return 5_000;
        }

        @Override
        TableCensus census(MetadataStore open, String location) {
            return IcebergCensus.take(Path.of(location), false);
        }

        @Override
        String cliStoreToml(String location) {
            return "type = \"iceberg\"\n[stores.dev.config]\nwarehouse = \"" + location + "\"\nhash_algorithm = \"md5\"\n";
        }

        @Override
        Map<String, String[]> badConfigs() {
            Map<String, String[]> m = new LinkedHashMap<>();
            String store = "store = \"dev\"\n[stores.dev]\ntype = \"iceberg\"\n[stores.dev.config]\nwarehouse = \"@DB@\"\n";
            m.put("iceberg: unknown store option", new String[] {store + "bogus_option = 1\n", "bogus_option"});
            m.put("iceberg: misspelled warehouse", new String[] {store.replace("warehouse", "warehous"), "warehous"});
            m.put("iceberg: unknown catalog type", new String[] {store + "catalog_properties = { type = \"glue\" }\n",
                "Unsupported Iceberg catalog type 'glue'"});
            m.put("iceberg: catalog_properties not a table", new String[] {store + "catalog_properties = \"sql\"\n", "catalog_properties"});
            return m;
        }
    },
    /** Iceberg on local disk with a Hadoop (file-system) catalog: one writing process at a time. */
    ICEBERG_HADOOP {
        @Override
        String newLocation(Path dir) {
            return dir.resolve("warehouse").toString();
        }

        @Override
        MetadataStore build(FeatureGraph graph, String location, HashAlgorithm algorithm) {
            return IcebergMetadataStore.builder(graph, location).catalogProperties(Map.of("type", "hadoop")).hashAlgorithm(algorithm).build();
        }

        @Override
        HashAlgorithm hashAlgorithm() {
            return HashAlgorithm.MD5; // native in DuckDB; xxhash runs as a Java UDF, and nothing proved here depends on it
        }

        @Override
        int crashBatchRows() {
            return 5_000;
        }

        @Override
        TableCensus census(MetadataStore open, String location) {
            return IcebergCensus.take(Path.of(location), true);
        }

        @Override
        String cliStoreToml(String location) {
            return "type = \"iceberg\"\n[stores.dev.config]\nwarehouse = \"" + location + "\"\ncatalog_properties = { type = \"hadoop\" }\nhash_algorithm = \"md5\"\n";
        }

        @Override
        boolean multiProcessWriters() {
            return false;
        }

        @Override
        int killPoints(int perStore) {
            return Math.max(1, perStore / 5); // the secondary catalog: fewer points, same checks
        }
    },
    /** The Spark store, format delta, on local disk with a local master ({@link SparkKind}). */
    SPARK {
        @Override
        String newLocation(Path dir) {
            return dir.resolve("spark-delta").toString();
        }

        @Override
        MetadataStore build(FeatureGraph graph, String location, HashAlgorithm algorithm) {
            return SparkKind.build(graph, location, algorithm);
        }

        @Override
        HashAlgorithm hashAlgorithm() {
            return HashAlgorithm.MD5; // a Spark built-in; xxhash runs as a Java UDF, and nothing proved here depends on it
        }

        @Override
        int crashBatchRows() {
            return 5_000;
        }

        @Override
        int killPoints(int perStore) {
            // a kill point costs 15-40 s of machine time here (a child's Spark start-up, the parent's checks through
            // Spark): by default 10 per writer kind, so 20 for the store as a whole (the minimum);
            // -Dmetaxy.reliability.killPoints=40 runs 20 per writer kind like the other stores
            return Math.max(1, perStore / 2);
        }

        @Override
        TableCensus census(MetadataStore open, String location) {
            return DeltaCensus.take(Path.of(location));
        }

        @Override
        List<String> temporaryTables(MetadataStore open) {
            return SparkKind.temporaryViews(open);
        }

        @Override
        boolean concurrentWritersAsProcesses() {
            return false; // threads on the one local session; two processes run in a test of their own (Spark start-up is slow)
        }

        @Override
        List<String> childJvmFlags() {
            return SparkKind.jvmFlags();
        }

        @Override
        String stateAfterClose() {
            return SparkKind.stateAfterClose();
        }

        @Override
        String cliStoreToml(String location) {
            return "type = \"spark\"\n[stores.dev.config]\nroot_path = \"" + location + "\"\nmaster = \"local[2]\"\nhash_algorithm = \"md5\"\n";
        }

        @Override
        Map<String, String[]> badConfigs() {
            Map<String, String[]> m = new LinkedHashMap<>();
            String store = "store = \"dev\"\n[stores.dev]\ntype = \"spark\"\n[stores.dev.config]\nroot_path = \"@DB@\"\nmaster = \"local[2]\"\n";
            m.put("spark: unknown store option", new String[] {store + "bogus_option = 1\n", "bogus_option"});
            m.put("spark: misspelled root_path", new String[] {store.replace("root_path", "root_pth"), "root_pth"});
            m.put("spark: invalid format", new String[] {store + "format = \"parquet\"\n", "Invalid format: parquet"});
            m.put("spark: invalid layout", new String[] {store + "layout = \"sideways\"\n", "Invalid layout: sideways"});
            m.put("spark: write mode overwrite", new String[] {store + "delta_write_options = { mode = \"overwrite\" }\n",
                "the metadata store only appends"});
            m.put("spark: spark_conf not a table", new String[] {store + "spark_conf = \"x\"\n", "spark_conf"});
            return m;
        }
    };

    /** A fresh, empty location for one test (under {@code dir} where the store is file-based). */
    abstract String newLocation(Path dir);

    /** A closed store over {@code graph} at {@code location}, creating tables on first write. */
    abstract MetadataStore build(FeatureGraph graph, String location, HashAlgorithm algorithm);

    /** {@link #build(FeatureGraph, String, HashAlgorithm)} with the kind's test algorithm. */
    final MetadataStore build(FeatureGraph graph, String location) {
        return build(graph, location, hashAlgorithm());
    }

    /** The hash algorithm the tests use (the store's default unless that is needlessly slow). */
    HashAlgorithm hashAlgorithm() {
        return HashAlgorithm.XXHASH32;
    }

    /** Every table at the location with its physical row count (all versions, tombstones included). */
    abstract TableCensus census(MetadataStore open, String location);

    /** Temporary tables of the open store's session (DuckDB-engined stores by default). */
    List<String> temporaryTables(MetadataStore open) {
        return SqlCensus.strings(((DuckDbMetadataStore) open).connection(), "SELECT table_name FROM duckdb_tables() WHERE temporary");
    }

    /** The {@code [stores.dev]} body of a {@code metaxy.toml} for this store at {@code location}. */
    abstract String cliStoreToml(String location);

    /** A hash algorithm the store cannot compute, if any. */
    Optional<HashAlgorithm> unsupportedHashAlgorithm() {
        return Optional.empty();
    }

    /** Store-specific bad {@code metaxy.toml} files: name -> {text (@DB@ = a location), fragment of the error}. */
    Map<String, String[]> badConfigs() {
        return Map.of();
    }

    /** Rows per write() in the crash tests: large enough that kills land inside writes, small enough to stay fast. */
    int crashBatchRows() {
        return 20_000;
    }

    /** After a writer process was killed: returns once nothing it started can still land (a server finishing its commit). */
    void awaitKilledWritersGone(String location) throws Exception {
        // embedded and file-based stores: the killed process was the only writer
    }

    /** Kill points per writer kind in the crash tests, given the per-store number ({@code -Dmetaxy.reliability.killPoints}). */
    int killPoints(int perStore) {
        return perStore;
    }

    /** The local directory holding the store's files, if it keeps them on this machine's disk. */
    Optional<Path> localDirectory(String location) {
        Path p = Path.of(location);
        return Optional.of(this == DUCKDB ? p.getParent() : p);
    }

    /** JVM flags a child JVM writing to this store needs besides the common ones. */
    List<String> childJvmFlags() {
        return List.of();
    }

    /** A line a child JVM prints after closing the store, describing what the store may have left running. */
    String stateAfterClose() {
        return "";
    }

    /**
     * Whether the concurrency test's writers are processes (where several may write) or threads of one process, each
     * with its own store object.
     */
    boolean concurrentWritersAsProcesses() {
        return multiProcessWriters();
    }

    /** Whether several processes may write to one location at once. */
    boolean multiProcessWriters() {
        return true;
    }

    /**
     * The kinds to test: all, or those named in {@code -Dmetaxy.reliability.kinds=DELTA,ICEBERG} (to iterate on one
     * store quickly).
     */
    static List<StoreKind> selected() {
        String names = System.getProperty("metaxy.reliability.kinds", "").trim();
        if (names.isEmpty()) {
            return List.of(values());
        }
        return java.util.Arrays.stream(names.split(",")).map(n -> valueOf(n.trim().toUpperCase(Locale.ROOT))).toList();
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
