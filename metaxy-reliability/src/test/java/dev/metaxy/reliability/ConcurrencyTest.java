package dev.metaxy.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metaxy.frame.Frame;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.MetadataStoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Part 2 of the reliability issue: two and four writers appending to one feature at once (processes where the
 * store allows several writing processes, threads of one process otherwise) lose and duplicate nothing, and a
 * reader running during the writes only ever sees whole writes. A DuckDB file allows one writing process: a second
 * process gets an error naming the lock, and the first one's data stays intact.
 */
class ConcurrencyTest {
    static final int ROWS = 2_000;
    static final int BATCHES = 5;

    @TempDir
    Path tmp;

    @AfterAll
    static void noLeakedArrowMemory() {
        Hygiene.assertNoArrowMemory();
    }

    static Stream<Arguments> kindsAndWriters() {
        return StoreKind.selected().stream().flatMap(k -> Stream.of(Arguments.of(k, 2), Arguments.of(k, 4)));
    }

    @ParameterizedTest(name = "{0}: {1} concurrent writers")
    @MethodSource("kindsAndWriters")
    void concurrentWritersLoseAndDuplicateNothing(StoreKind kind, int writers) throws Exception {
        writeConcurrently(kind, writers, kind.concurrentWritersAsProcesses());
    }

    static List<StoreKind> kindsTestedWithThreadsThatAllowProcesses() {
        return StoreKind.selected().stream().filter(k -> k.multiProcessWriters() && !k.concurrentWritersAsProcesses()).toList();
    }

    /** Where the main test uses threads to keep its cost down (Spark), two writer processes still lose nothing. */
    @ParameterizedTest(name = "{0}: 2 concurrent writer processes")
    @MethodSource("kindsTestedWithThreadsThatAllowProcesses")
    void twoWriterProcessesLoseAndDuplicateNothing(StoreKind kind) throws Exception {
        writeConcurrently(kind, 2, true);
    }

    private void writeConcurrently(StoreKind kind, int writers, boolean processes) throws Exception {
        String location = kind.newLocation(Files.createDirectories(tmp.resolve("db")));
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Long> seen = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newCachedThreadPool();
        try {
            CountDownLatch readerReady = new CountDownLatch(1);
            Future<?> reader = pool.submit(() -> {
                // An own store object: for DuckDB a second connection to the process's database, for PostgreSQL a
                // second session. Every read must be a whole number of writes, and never fewer rows than before.
                MetadataStore rs = kind.build(Fixtures.graph(), location);
                try (MetadataStore s = rs.open(AccessMode.WRITE)) {
                    readerReady.countDown();
                    long last = 0;
                    while (writing.get()) {
                        if (s.hasFeature(Fixtures.RAW.key())) {
                            long n = s.read(Fixtures.RAW.key()).count();
                            assertThat(n % ROWS).as("read saw a partial write: %d rows", n).isZero();
                            assertThat(n).as("reads never go back").isGreaterThanOrEqualTo(last);
                            last = n;
                            seen.add(n);
                        }
                        Thread.sleep(5);
                    }
                }
                return null;
            });
            readerReady.await(60, TimeUnit.SECONDS);
            if (processes) {
                List<ChildJvm> children = new ArrayList<>();
                try {
                    for (int w = 0; w < writers; w++) {
                        children.add(ChildJvm.start(tmp.resolve("child-" + w), kind.name(), location, "concurrent",
                            String.valueOf(ROWS), String.valueOf(BATCHES), String.valueOf(w)));
                    }
                    for (ChildJvm c : children) {
                        c.awaitLine("DONE", 180_000);
                        assertThat(c.waitFor(60_000)).as("writer exit code%s", c.stderrTail()).isZero();
                    }
                } finally {
                    children.forEach(ChildJvm::close);
                }
            } else {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> futures = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    int writer = w;
                    futures.add(pool.submit(() -> {
                        MetadataStore ws = kind.build(Fixtures.graph(), location);
                        try (MetadataStore s = ws.open(AccessMode.WRITE)) {
                            start.await();
                            for (int b = 0; b < BATCHES; b++) {
                                try (Frame f = Fixtures.rawRows(writer * WriterChild.WRITER_STRIDE + (long) b * ROWS, ROWS,
                                    writer * 1000L + b)) {
                                    s.write(Fixtures.RAW.key(), f);
                                }
                            }
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : futures) {
                    f.get(180, TimeUnit.SECONDS);
                }
            }
            writing.set(false);
            reader.get(60, TimeUnit.SECONDS);
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
        MetadataStore store = kind.build(Fixtures.graph(), location);
        try (MetadataStore s = store.open(AccessMode.READ)) {
            long expected = (long) writers * BATCHES * ROWS;
            RowCensus census = RowCensus.of(s);
            assertThat(census.rows()).as("no lost or duplicated rows").isEqualTo(expected);
            assertThat(census.distinctIds()).isEqualTo(expected);
            assertThat(census.perBatch()).hasSize(writers * BATCHES);
            census.perBatch().values().forEach(n -> assertThat(n).isEqualTo(ROWS));
            assertThat(s.read(Fixtures.RAW.key()).count()).isEqualTo(expected);
            assertThat(kind.census(s, location).rows()).as("the format's own count").containsEntry(Fixtures.RAW.key().tableName(), expected);
        }
        assertThat(seen).as("the reader ran during the writes").isNotEmpty();
    }

    @Test
    void duckDbFileRefusesASecondWritingProcessWithAnErrorNamingTheLock() throws Exception {
        String location = StoreKind.DUCKDB.newLocation(Files.createDirectories(tmp.resolve("db")));
        try (ChildJvm holder = ChildJvm.start(tmp.resolve("child"), "DUCKDB", location, "hold", String.valueOf(ROWS))) {
            holder.awaitLine("HOLDING", 120_000);
            for (AccessMode mode : AccessMode.values()) {
                MetadataStore second = StoreKind.DUCKDB.build(Fixtures.graph(), location);
                assertThatThrownBy(() -> second.open(mode))
                    .as("opening in %s while another process writes", mode)
                    .isInstanceOf(MetadataStoreException.class)
                    .hasMessageContaining("is locked by another process")
                    .hasMessageContaining("PID " + holder.pid())
                    .hasMessageContaining(location)
                    .hasMessageContaining("one writing process");
                assertThat(second.isOpen()).isFalse();
            }
            holder.closeStdin();
            holder.awaitLine("DONE", 60_000);
            assertThat(holder.waitFor(60_000)).isZero();
        }
        MetadataStore store = StoreKind.DUCKDB.build(Fixtures.graph(), location);
        try (MetadataStore s = store.open(AccessMode.READ)) {
            assertThat(s.read(Fixtures.RAW.key()).count()).as("the first writer's data is intact").isEqualTo(ROWS);
        }
    }
}
