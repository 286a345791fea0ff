package dev.metaxy.postgres.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.expr.InvalidFilterException;
import dev.metaxy.frame.Frame;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.postgres.PostgresMetadataStore;
import dev.metaxy.postgres.PostgresServer;
import dev.metaxy.sql.HashAlgorithmNotSupportedException;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.DeleteOptions;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.MetadataStoreException;
import dev.metaxy.store.ReadOptions;
import dev.metaxy.store.ResolveOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Transactions, concurrency, injection and algorithm refusal against a real PostgreSQL server. */
class PostgresStoreBehaviourTest {
    static final FeatureSpec ITEMS = FeatureSpec.builder("items").idColumns("sample_uid").field("default", "1").build();
    static final FeatureGraph GRAPH = FeatureGraph.of(List.of(ITEMS));
    private static String url;

    @BeforeAll
    static void database() {
        url = PostgresServer.get().freshDatabase("behaviour");
    }

    private static PostgresMetadataStore store(String schema) {
        return PostgresMetadataStore.builder(GRAPH).url(url).schema(schema).hashAlgorithm(HashAlgorithm.XXHASH64)
            .autoCreateTables(true).build();
    }

    private static Map<String, Object> row(long uid, String value) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("sample_uid", uid);
        r.put("value", value);
        r.put("metaxy_provenance_by_field", Map.of("default", "h" + uid));
        return r;
    }

    private static List<Map<String, Object>> rows(long from, int n) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (long i = from; i < from + n; i++) {
            out.add(row(i, "v" + i));
        }
        return out;
    }

    private static long rawCount(String schema, String table) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM \"" + schema + "\".\"" + table + "\"")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void twoWritersOnTwoConnectionsLoseNoRows() throws Exception {
        int batches = 20;
        int perBatch = 250;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                long base = w * 1_000_000L;
                futures.add(pool.submit(() -> {
                    start.await();
                    // the table does not exist yet: both writers race to create it, too
                    try (MetadataStore s = store("concurrent").open(AccessMode.WRITE)) {
                        for (int b = 0; b < batches; b++) {
                            try (Frame f = Frame.fromRows(rows(base + (long) b * perBatch, perBatch))) {
                                s.write("items", f);
                            }
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(rawCount("concurrent", "items")).isEqualTo(2L * batches * perBatch);
        try (MetadataStore s = store("concurrent").open(AccessMode.READ)) {
            assertThat(s.read("items").count()).isEqualTo(2L * batches * perBatch);
        }
    }

    @Test
    void oneStoreSharedByTwoThreadsLosesNoRows() throws Exception {
        try (MetadataStore s = store("shared").open(AccessMode.WRITE)) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int w = 0; w < 2; w++) {
                    long base = w * 1_000_000L;
                    futures.add(pool.submit(() -> {
                        for (int b = 0; b < 10; b++) {
                            try (Frame f = Frame.fromRows(rows(base + b * 100L, 100))) {
                                s.write("items", f);
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get(120, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(s.read("items").count()).isEqualTo(2000);
        }
    }

    @Test
    void aWriteFailingMidwayLeavesNothingBehind() throws Exception {
        List<Map<String, Object>> bad = rows(0, 1000);
        bad.get(700).put("value", "bad\u0000value");   // PostgreSQL text cannot hold NUL: fails while copying
        try (MetadataStore s = store("failing").open(AccessMode.WRITE)) {
            try (Frame f = Frame.fromRows(bad)) {
                assertThatThrownBy(() -> s.write("items", f)).isInstanceOf(MetadataStoreException.class);
            }
            // the table was to be created by that write: the transaction rolled its creation back too
            assertThat(s.hasFeature("items")).isFalse();
            try (Frame f = Frame.fromRows(rows(0, 10))) {
                s.write("items", f);
            }
            // a write failing inside PostgreSQL, after its COPY: a CHECK constraint every new row violates
            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                st.execute("ALTER TABLE failing.items ADD CONSTRAINT value_short CHECK (length(value) < 5)");
            }
            List<Map<String, Object>> violating = rows(1000, 600);   // "v1000".."v1599" are 5 chars: all violate
            try (Frame f = Frame.fromRows(violating)) {
                assertThatThrownBy(() -> s.write("items", f)).isInstanceOf(MetadataStoreException.class)
                    .hasMessageContaining("value_short");
            }
            assertThat(rawCount("failing", "items")).isEqualTo(10);
            assertThat(s.read("items").count()).isEqualTo(10);
        }
    }

    @Test
    void aWriteWhoseConnectionIsKilledLeavesNothingBehind() throws Exception {
        try (MetadataStore s = store("killed").open(AccessMode.WRITE)) {
            try (Frame f = Frame.fromRows(rows(0, 10))) {
                s.write("items", f);
            }
        }
        try (Connection admin = DriverManager.getConnection(url); Statement st = admin.createStatement()) {
            // hold a lock so the next write blocks inside its transaction, after its COPY
            admin.setAutoCommit(false);
            st.execute("LOCK TABLE killed.items IN EXCLUSIVE MODE");
            PostgresMetadataStore victim = store("killed");
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try (MetadataStore s = victim.open(AccessMode.WRITE)) {
                Future<?> write = pool.submit(() -> {
                    try (Frame f = Frame.fromRows(rows(100, 5000))) {
                        s.write("items", f);
                    }
                    return null;
                });
                long deadline = System.currentTimeMillis() + 30_000;
                int killed = 0;
                while (killed == 0 && System.currentTimeMillis() < deadline) {
                    try (Statement probe = DriverManager.getConnection(url).createStatement();
                         ResultSet rs = probe.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                             + "WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO%killed%'")) {
                        rs.next();
                        killed = rs.getInt(1);
                        probe.getConnection().close();
                    }
                    Thread.sleep(50);
                }
                assertThat(killed).isEqualTo(1);
                assertThatThrownBy(() -> write.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(MetadataStoreException.class);
            } catch (RuntimeException ignored) {
                // closing a store whose connection was killed may fail; the data check below is what matters
            } finally {
                pool.shutdownNow();
            }
            admin.commit();
        }
        assertThat(rawCount("killed", "items")).isEqualTo(10);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "value = 'x'; DROP TABLE hostile.items",
        "value = 'x' OR 1=1 --",
        "value = 'x' /* */ OR TRUE",
        "sample_uid IN (SELECT sample_uid FROM hostile.items)",
        "value = (SELECT current_user)",
        "pg_sleep(5) IS NULL",
        "value = 'a' || (SELECT 'b')",
        "value::text = 'x'",
        "value = $$x$$",
        "value = E'\\x27'",
        "1 = 1 UNION SELECT * FROM pg_shadow",
        "DELETE FROM hostile.items",
        "value = 'unterminated",
    })
    void hostileFilterStringsAreRejectedAndNothingRuns(String hostile) throws Exception {
        try (MetadataStore s = store("hostile").open(AccessMode.WRITE)) {
            if (!s.hasFeature("items")) {
                try (Frame f = Frame.fromRows(rows(0, 5))) {
                    s.write("items", f);
                }
            }
            assertThatThrownBy(() -> s.read("items", ReadOptions.defaults().filter(hostile)).collect())
                .isInstanceOfAny(InvalidFilterException.class, IllegalArgumentException.class);
            assertThatThrownBy(() -> s.delete("items", dev.metaxy.expr.Expressions.parse(hostile), DeleteOptions.hard()))
                .isInstanceOfAny(InvalidFilterException.class, IllegalArgumentException.class);
            assertThatThrownBy(() -> ResolveOptions.defaults().globalFilter(hostile))
                .isInstanceOfAny(InvalidFilterException.class, IllegalArgumentException.class);
        }
        assertThat(rawCount("hostile", "items")).isEqualTo(5);
    }

    @Test
    void hostileContentInsideLiteralsAndNamesStaysData() throws Exception {
        try (MetadataStore s = store("literals").open(AccessMode.WRITE)) {
            List<Map<String, Object>> rs = rows(0, 3);
            rs.get(0).put("value", "x'; DROP TABLE literals.items; --");
            try (Frame f = Frame.fromRows(rs)) {
                s.write("items", f);
            }
            assertThat(s.read("items", ReadOptions.defaults().filter("value = 'x''; DROP TABLE literals.items; --'")).count()).isEqualTo(1);
            assertThat(s.read("items", ReadOptions.defaults().filter("value = '\\' OR value = 'v1'")).count()).isEqualTo(1);
            // a quoted identifier is a name, never SQL: unknown columns are refused before anything runs
            for (String f : List.of("\"no such; DROP TABLE x\" = 1", "\"value\"\" = 1; DROP TABLE literals.items; --\" = 1")) {
                assertThatThrownBy(() -> s.read("items", ReadOptions.defaults().filter(f))).isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> s.delete("items", dev.metaxy.expr.Expressions.parse(f), DeleteOptions.hard()))
                    .isInstanceOf(IllegalArgumentException.class);
            }
        }
        assertThat(rawCount("literals", "items")).isEqualTo(3);
    }

    @Test
    void unsupportedAlgorithmsAreRefusedAtOpenListingTheSupportedOnes() {
        PostgresMetadataStore s = PostgresMetadataStore.builder(GRAPH).url(url).hashAlgorithm(HashAlgorithm.WYHASH).build();
        assertThatThrownBy(() -> s.open(AccessMode.READ)).isInstanceOf(HashAlgorithmNotSupportedException.class)
            .hasMessageContaining("'wyhash'").hasMessageContaining("[md5, sha256, xxhash32, xxhash64]");
        assertThat(s.isOpen()).isFalse();
    }

    @Test
    void defaultsAndDisplay() {
        PostgresMetadataStore s = PostgresMetadataStore.builder(GRAPH).url("postgresql://me:secret@127.0.0.1:1/db").build();
        assertThat(s.hashAlgorithm()).isEqualTo(HashAlgorithm.XXHASH32);
        assertThat(s.display()).startsWith("PostgresMetadataStore(").doesNotContain("secret").doesNotStartWith("[");
    }
}
