package dev.metaxy.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metaxy.expr.Expressions;
import dev.metaxy.frame.Frame;
import dev.metaxy.postgres.PostgresMetadataStore;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.BufferedMetadataWriter;
import dev.metaxy.store.DeleteOptions;
import dev.metaxy.store.Increment;
import dev.metaxy.store.MetadataSchemaException;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.MetadataStoreException;
import dev.metaxy.store.ReadOptions;
import dev.metaxy.store.ResolveOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import dev.metaxy.lake.LocalS3Server;

/**
 * Part 4 of the reliability issue: every store operation, failing ones included, releases its Arrow buffers (the
 * allocator is back to zero), leaves no temporary tables behind in a long-lived session, and closing a store
 * releases its connection and files; a writer JVM that exits normally leaves its temp directory empty.
 */
class ResourceHygieneTest {
    @TempDir
    Path tmp;

    @AfterEach
    void allocatorIsBackToZero() {
        Hygiene.assertNoArrowMemory();
    }

    static List<StoreKind> kinds() {
        return StoreKind.selected();
    }

    /** A workload touching every store operation, including failing ones; run repeatedly in one session. */
    static void workload(MetadataStore s, int round) {
        long base = round * 100L;
        try (Frame f = Fixtures.rawRows(base, 50, round)) {
            s.write(Fixtures.RAW.key(), f);
        }
        try (Frame samples = Fixtures.rawRows(base, 100, round);
             Increment inc = s.resolveUpdate(Fixtures.RAW.key(), ResolveOptions.defaults().samples(samples))) {
            s.write(Fixtures.RAW.key(), inc.newSamples());
        }
        try (Increment inc = s.resolveUpdate(Fixtures.DERIVED.key())) {
            s.write(Fixtures.DERIVED.key(), inc.newSamples());
        }
        try (Frame all = s.read(Fixtures.RAW.key(), ReadOptions.defaults().filter("sample_uid >= " + base + " AND sample_uid < " + (base + 100))).collect()) {
            assertThat(all.rowCount()).isEqualTo(100);
        }
        s.read(Fixtures.DERIVED.key()).stream(17, batch -> assertThat(batch.rowCount()).isPositive());
        s.delete(Fixtures.RAW.key(), Expressions.in("sample_uid", base), DeleteOptions.soft());
        s.delete(Fixtures.RAW.key(), Expressions.in("sample_uid", base + 1), DeleteOptions.hard());
        try (Frame full = Fixtures.rawRows(base, 3, round); Frame bad = full.select(List.of(Fixtures.UID, Fixtures.BATCH))) {
            assertThatThrownBy(() -> s.write(Fixtures.RAW.key(), bad)).isInstanceOf(MetadataSchemaException.class);
        }
        try (BufferedMetadataWriter w = new BufferedMetadataWriter(s, 30, Duration.ofMillis(50), 0).start()) {
            for (int i = 0; i < 4; i++) {
                w.put(Fixtures.RAW.key(), Fixtures.rawRows(base + 200_000 + i * 10L, 10, round));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void longSessionsKeepNoTemporaryTablesAndReleaseArrowMemory(StoreKind kind) throws Exception {
        String location = kind.newLocation(Files.createDirectories(tmp.resolve("db")));
        MetadataStore store = kind.build(Fixtures.graph(), location);
        try (MetadataStore s = store.open(AccessMode.WRITE)) {
            for (int round = 0; round < 5; round++) {
                workload(s, round);
                assertThat(kind.temporaryTables(s)).as("temporary tables after round %d", round).isEmpty();
                Hygiene.assertNoArrowMemory();
            }
        }
    }

    @Test
    void closingADuckDbStoreReleasesTheFileAndItsWal() throws Exception {
        Path db = Files.createDirectories(tmp.resolve("db")).resolve("metadata.duckdb");
        for (int i = 0; i < 3; i++) {
            MetadataStore store = StoreKind.DUCKDB.build(Fixtures.graph(), db.toString());
            try (MetadataStore s = store.open(AccessMode.WRITE)) {
                workload(s, i);
            }
            // a leaked read-write connection would keep the database instance: a read-only open would then be refused
            try (MetadataStore s = StoreKind.DUCKDB.build(Fixtures.graph(), db.toString()).open(AccessMode.READ)) {
                assertThat(s.read(Fixtures.RAW.key()).count()).isPositive();
            }
            assertThat(Files.exists(Path.of(db + ".wal"))).as("WAL checkpointed and removed at close").isFalse();
        }
        try (Stream<Path> files = Files.list(db.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("metadata.duckdb");
        }
    }

    static List<StoreKind> kindsOnLocalDisk() {
        return StoreKind.selected().stream().filter(k -> k.localDirectory("/x/y").isPresent()).toList();
    }

    /**
     * Closing a store on local disk closes every file it opened there (DuckDB database, SQLite catalog, Parquet and
     * log files).
     */
    @ParameterizedTest
    @MethodSource("kindsOnLocalDisk")
    void closingAStoreClosesEveryFileItOpened(StoreKind kind) throws Exception {
        String location = kind.newLocation(Files.createDirectories(tmp.resolve("db")));
        Path dir = tmp.toRealPath().resolve(tmp.relativize(kind.localDirectory(location).orElseThrow()));
        for (int round = 0; round < 2; round++) {
            try (MetadataStore s = kind.build(Fixtures.graph(), location).open(AccessMode.WRITE)) {
                workload(s, round);
            }
            assertThat(openFilesUnder(dir)).as("files still open after close").isEmpty();
        }
    }

    /**
     * A table-format store on an object store (the local S3 test server) downloads data files into a private staging
     * directory while open, and removes it, cached copies and written files included, when it closes. Run in a child
     * JVM with its own {@code java.io.tmpdir}, so that no other process's temporary files are counted.
     */
    @ParameterizedTest
    @ValueSource(strings = {"delta", "iceberg"})
    void closingAnObjectStoreStoreRemovesItsCachedDataFiles(String format) throws Exception {
        LocalS3Server s3 = LocalS3Server.get();
        List<String> args = new java.util.ArrayList<>(List.of(format, "s3://" + s3.newBucket("rel") + "/metaxy"));
        s3.storageOptions().forEach((k, v) -> args.add(k + "=" + v));
        try (ChildJvm child = ChildJvm.start(StagingChild.class, tmp.resolve("child-tmp"), args.toArray(String[]::new))) {
            assertThat(child.awaitLine("ROWS", 180_000)).isNotEqualTo("ROWS 0");
            assertThat(Long.parseLong(child.awaitLine("OPEN", 60_000).split(" ")[1])).as("staged files while open").isPositive();
            assertThat(child.awaitLine("CLOSED", 60_000)).as("staging removed at close").isEqualTo("CLOSED 0");
            assertThat(child.waitFor(60_000)).as(child.stderrTail()).isZero();
        }
    }

    /** Files under {@code dir} this JVM has open (Linux: /proc/self/fd). */
    static List<String> openFilesUnder(Path dir) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    Path target = Files.readSymbolicLink(fd);
                    if (target.startsWith(dir)) {
                        out.add(target.toString());
                    }
                } catch (java.io.IOException e) {
                    // closed meanwhile
                }
            }
        }
        return out;
    }

    @Test
    void closingAPostgresStoreReleasesItsConnectionAlsoAfterFailures() throws Exception {
        String location = StoreKind.POSTGRES.newLocation(tmp);
        String database = location.replaceAll("^.*/([^/?]+)(\\?.*)?$", "$1");
        try (Connection admin = DriverManager.getConnection(location)) {
            long before = sessions(admin, database);
            for (int i = 0; i < 3; i++) {
                MetadataStore store = StoreKind.POSTGRES.build(Fixtures.graph(), location);
                try (MetadataStore s = store.open(AccessMode.WRITE)) {
                    workload(s, i);
                    assertThat(sessions(admin, database)).isEqualTo(before + 1);
                }
                assertThat(sessions(admin, database)).as("connection closed").isEqualTo(before);
            }
            // a failed open leaves no connection behind either
            MetadataStore noPassword = PostgresMetadataStore.builder(Fixtures.graph()).url(location)
                .passwordEnv("METAXY_RELIABILITY_UNSET_PASSWORD").build();
            assertThatThrownBy(() -> noPassword.open(AccessMode.READ)).isInstanceOf(MetadataStoreException.class)
                .hasMessageContaining("METAXY_RELIABILITY_UNSET_PASSWORD");
            assertThat(noPassword.isOpen()).isFalse();
            assertThat(sessions(admin, database)).isEqualTo(before);
        }
    }

    static long sessions(Connection admin, String database) throws Exception {
        // client connections only (an autovacuum worker of the fresh database counts too otherwise);
        // pg_stat_activity lags a little behind a closing backend
        long n = -1;
        for (int i = 0; i < 50; i++) {
            try (Statement st = admin.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = '" + database + "' AND pid <> pg_backend_pid()"
                    + " AND backend_type = 'client backend'")) {
                rs.next();
                n = rs.getLong(1);
            }
            Thread.sleep(20);
            try (Statement st = admin.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = '" + database + "' AND pid <> pg_backend_pid()"
                    + " AND backend_type = 'client backend'")) {
                rs.next();
                if (rs.getLong(1) == n) {
                    return n;
                }
            }
        }
        return n;
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aWriterJvmThatExitsNormallyLeavesNoTemporaryFiles(StoreKind kind) throws Exception {
        String location = kind.newLocation(Files.createDirectories(tmp.resolve("db")));
        Path childTmp = tmp.resolve("child-tmp");
        try (ChildJvm child = ChildJvm.start(childTmp, kind.name(), location, "batch", "1000", "3")) {
            if (kind == StoreKind.SPARK) {
                // the store started the child's local session: closing it stops the session and deletes its block managers
                assertThat(child.awaitLine("SPARK", 180_000)).isEqualTo("SPARK running=false blockmgr=0");
            }
            child.awaitLine("DONE", 120_000);
            assertThat(child.waitFor(60_000)).as(child.stderrTail()).isZero();
        }
        try (Stream<Path> files = Files.list(childTmp)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("stderr")
                && !n.startsWith("hsperfdata"))).isEmpty();
        }
        MetadataStore store = kind.build(Fixtures.graph(), location);
        try (MetadataStore s = store.open(AccessMode.READ)) {
            assertThat(s.read(Fixtures.RAW.key()).count()).isEqualTo(3000);
            assertThat(kind.census(s, location).rows()).containsOnlyKeys("rel__raw");
        }
    }
}
