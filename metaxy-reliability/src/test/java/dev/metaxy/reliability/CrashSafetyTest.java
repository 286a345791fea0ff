package dev.metaxy.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metaxy.frame.Frame;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.Increment;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.ResolveOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Part 1 of the reliability issue: a child JVM writing to a store is killed with SIGKILL at seeded random points
 * (20 per store and writer kind). After each kill the store opens, reads and resolves; every write() is
 * all-or-nothing and durable once it returned; with {@link dev.metaxy.store.BufferedMetadataWriter} at most the
 * unflushed buffer is missing. Resuming (resolve_update with the job's samples) lists exactly the missing samples
 * as new, and after writing them the feature is complete. Seeds: {@code -Dmetaxy.reliability.seed=N} replays.
 */
class CrashSafetyTest {
    static final int KILL_POINTS = Integer.getInteger("metaxy.reliability.killPoints", 20);
    static final long SEED = Long.getLong("metaxy.reliability.seed", 20260501L);
    /** Rows per put() and flush threshold of the buffered writer. */
    static final int PUT_ROWS = 500;
    static final int FLUSH_ROWS = 2_000;

    @TempDir
    Path tmp;

    @org.junit.jupiter.api.AfterAll
    static void noLeakedArrowMemory() {
        Hygiene.assertNoArrowMemory();
    }

    static Stream<Arguments> points() {
        return StoreKind.selected().stream().flatMap(k -> java.util.stream.IntStream.range(0, k.killPoints(KILL_POINTS))
            .mapToObj(i -> Arguments.of(k, i)));
    }

    @Execution(ExecutionMode.CONCURRENT) // the work is in child JVMs: two kill points at a time
    @ParameterizedTest(name = "{0} batch writer, kill point {1}")
    @MethodSource("points")
    void killedBatchWriterLosesNoCommittedBatchAndLeavesNoPartialOne(StoreKind kind, int point) throws Exception {
        long seed = SEED * 31 + point + kind.ordinal() * 1000L;
        Random rnd = new Random(seed);
        int rows = kind.crashBatchRows();
        int afterBatches = rnd.nextInt(4);
        double fraction = rnd.nextDouble();
        String location = kind.newLocation(Files.createDirectories(tmp.resolve("db")));
        Path childTmp = tmp.resolve("child-tmp");
        int completed;
        String context;
        try (ChildJvm child = ChildJvm.start(childTmp, kind.name(), location, "batch", String.valueOf(rows), "1000")) {
            child.awaitLine("READY", 60_000);
            long lastMillis = 150;
            for (int i = 0; i < afterBatches; i++) {
                lastMillis = Long.parseLong(child.awaitLine("WROTE", 60_000).split(" ")[2]);
            }
            long delay = (long) (fraction * lastMillis * 1.5);
            Thread.sleep(delay);
            child.kill();
            completed = afterBatches + child.drain("WROTE").size();
            context = "seed " + seed + ", killed " + delay + " ms after " + afterBatches + " reported batches (" + completed
                + " reported in all)" + child.stderrTail();
        }
        kind.awaitKilledWritersGone(location);
        MetadataStore store = kind.build(Fixtures.graph(), location);
        try (MetadataStore s = store.open(AccessMode.WRITE)) {
            int present = verifyAllOrNothing(s, rows, context);
            verifyOnlyCommittedRowsAreRead(kind, s, location, (long) present * rows, context);
            assertThat(present).as("batches present vs reported: %s", context).isBetween(completed, completed + 1);
            verifyReadsAndResolves(s, (long) present * rows, context);
            resumeAndComplete(s, (completed + 2) * rows, (long) present * rows, context);
        }
        assertNoLeakedTempFilesBesidesDuckDbLibrary(childTmp);
    }

    @Execution(ExecutionMode.CONCURRENT)
    @ParameterizedTest(name = "{0} buffered writer, kill point {1}")
    @MethodSource("points")
    void killedBufferedWriterLosesAtMostItsUnflushedBuffer(StoreKind kind, int point) throws Exception {
        long seed = SEED * 37 + point + kind.ordinal() * 1000L;
        Random rnd = new Random(seed);
        int afterPuts = 2 + rnd.nextInt(30);
        long delay = rnd.nextInt(60);
        String location = kind.newLocation(Files.createDirectories(tmp.resolve("db")));
        Path childTmp = tmp.resolve("child-tmp");
        int puts;
        long flushedRows;
        String context;
        try (ChildJvm child = ChildJvm.start(childTmp, kind.name(), location, "buffered", String.valueOf(PUT_ROWS), "100000",
            String.valueOf(FLUSH_ROWS))) {
            child.awaitLine("READY", 60_000);
            String last = "";
            for (int i = 0; i < afterPuts; i++) {
                last = child.awaitLine("PUT", 60_000);
            }
            Thread.sleep(delay);
            child.kill();
            List<String> more = child.drain("PUT");
            if (!more.isEmpty()) {
                last = more.get(more.size() - 1);
            }
            puts = afterPuts + more.size();
            flushedRows = Long.parseLong(last.split(" ")[2]);
            context = "seed " + seed + ", killed " + delay + " ms after " + afterPuts + " reported puts (" + puts
                + " in all, " + flushedRows + " rows reported flushed)" + child.stderrTail();
        }
        kind.awaitKilledWritersGone(location);
        MetadataStore store = kind.build(Fixtures.graph(), location);
        try (MetadataStore s = store.open(AccessMode.WRITE)) {
            int present = verifyAllOrNothing(s, PUT_ROWS, context);
            verifyOnlyCommittedRowsAreRead(kind, s, location, (long) present * PUT_ROWS, context);
            long presentRows = (long) present * PUT_ROWS;
            assertThat(presentRows).as("everything reported flushed is there: %s", context).isGreaterThanOrEqualTo(flushedRows);
            assertThat(present).as("nothing beyond what was put: %s", context).isLessThanOrEqualTo(puts + 1);
            verifyReadsAndResolves(s, presentRows, context);
            resumeAndComplete(s, Math.max(puts, present) * PUT_ROWS, presentRows, context);
        }
        assertNoLeakedTempFilesBesidesDuckDbLibrary(childTmp);
    }

    /**
     * Checks that every {@code batch} tag present in {@code rel/raw} has all its rows and that the tags present are
     * 0..m-1 (writes land in order, none skipped); returns m.
     */
    static int verifyAllOrNothing(MetadataStore s, int rowsPerBatch, String context) {
        RowCensus census = RowCensus.of(s);
        census.perBatch().forEach((batch, n) -> assertThat(n).as("rows of batch %d (%s)", batch, context).isEqualTo(rowsPerBatch));
        int m = census.perBatch().size();
        assertThat(census.perBatch().keySet()).as("batches present form a prefix (%s)", context)
            .containsExactlyElementsOf(java.util.stream.LongStream.range(0, m).boxed().toList());
        assertThat(census.rows()).as("no duplicated rows (%s)", context).isEqualTo((long) m * rowsPerBatch);
        assertThat(census.distinctIds()).as("no duplicated ids (%s)", context).isEqualTo((long) m * rowsPerBatch);
        return m;
    }

    /**
     * What the store reads is exactly what its format committed: the census (for Delta and Iceberg taken with the
     * format's own library from the committed log) counts the same rows, so data files of a killed, uncommitted
     * write (orphans on disk) are never read.
     */
    static void verifyOnlyCommittedRowsAreRead(StoreKind kind, MetadataStore s, String location, long readRows, String context) {
        assertThat(kind.census(s, location).rows().getOrDefault(Fixtures.RAW.key().tableName(), 0L))
            .as("committed rows vs rows read (%s)", context).isEqualTo(readRows);
    }

    /** The store reads the root feature and resolves the downstream one after the crash. */
    static void verifyReadsAndResolves(MetadataStore s, long expectedRows, String context) {
        if (expectedRows == 0) {
            return;
        }
        assertThat(s.read(Fixtures.RAW.key()).count()).as("read after crash (%s)", context).isEqualTo(expectedRows);
        try (Increment inc = s.resolveUpdate(Fixtures.DERIVED.key())) {
            assertThat(inc.newSamples().rowCount()).as("downstream resolves (%s)", context).isEqualTo((int) expectedRows);
        }
    }

    /**
     * The job resumes: resolving the root with all {@code intendedRows} samples lists exactly the rows not present
     * as new; after writing them nothing is new or stale.
     */
    static void resumeAndComplete(MetadataStore s, int intendedRows, long presentRows, String context) {
        try (Frame samples = Fixtures.rawRows(0, intendedRows, -1);
             Increment inc = s.resolveUpdate(Fixtures.RAW.key(), ResolveOptions.defaults().samples(samples))) {
            assertThat(inc.stale().rowCount()).as("nothing stale (%s)", context).isZero();
            assertThat((long) inc.newSamples().rowCount()).as("missing samples listed as new (%s)", context)
                .isEqualTo(intendedRows - presentRows);
            long minNew = Long.MAX_VALUE;
            for (int i = 0; i < inc.newSamples().rowCount(); i++) {
                minNew = Math.min(minNew, ((Number) inc.newSamples().value(i, Fixtures.UID)).longValue());
            }
            if (inc.newSamples().rowCount() > 0) {
                assertThat(minNew).as("the new samples are exactly the missing ones (%s)", context).isEqualTo(presentRows);
            }
            s.write(Fixtures.RAW.key(), inc.newSamples());
        }
        try (Frame samples = Fixtures.rawRows(0, intendedRows, -1);
             Increment again = s.resolveUpdate(Fixtures.RAW.key(), ResolveOptions.defaults().samples(samples))) {
            assertThat(again.isEmpty()).as("complete after resuming (%s)", context).isTrue();
        }
        assertThat(s.read(Fixtures.RAW.key()).count()).isEqualTo(intendedRows);
    }

    /**
     * A killed JVM cannot run its exit hooks: the only files it may leave in its temp directory are the native
     * libraries that DuckDB JDBC ({@code libduckdb_java*.so}) and Arrow's C data interface ({@code jnilib-*.tmp})
     * unpack there and delete on normal exit (and, for Iceberg, the {@code sqlite-*} library of sqlite-jdbc and the {@code snappy-*} library of snappy-java;
     * for Spark, its local directories {@code blockmgr-*}, {@code spark-*} and {@code artifacts-*}, and lz4-java's
     * {@code liblz4-java*});
     * nothing of Metaxy's (no staging or data files).
     */
    static void assertNoLeakedTempFilesBesidesDuckDbLibrary(Path childTmp) throws Exception {
        try (Stream<Path> files = Files.list(childTmp)) {
            assertThat(files.map(p -> p.getFileName().toString())
                .filter(n -> !n.startsWith("libduckdb_java") && !n.startsWith("jnilib-") && !n.startsWith("stderr")
                    && !n.startsWith("hsperfdata") && !n.startsWith("sqlite-")
                    && !n.startsWith("snappy-")
                    // Spark's local directories (block manager, session scratch, artifacts) and lz4-java's native
                    // library, deleted by exit hooks
                    && !n.startsWith("blockmgr-") && !n.startsWith("spark-") && !n.startsWith("artifacts-")
                    && !n.startsWith("liblz4-java")))
                .isEmpty();
        }
    }
}
