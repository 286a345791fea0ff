package dev.metaxy.bench;

import dev.metaxy.duckdb.DuckDbMetadataStore;
import dev.metaxy.frame.Frame;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.BufferedMetadataWriter;
import dev.metaxy.store.Increment;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.ResolveOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the cells of one graph and N: builds the two template store files once (set-up, untimed), then per round copies
 * a template to a fresh DuckDB file and times resolve_update on it, and separately (fresh connection, same file) the
 * floor statement. Store and floor alternate which goes first.
 */
public final class Bench {
    /** Everything a run needs. */
    public record Config(Path dir, long seed, int writeChunk, int bufferedWriteRows, int batchRows, boolean verify,
                         PrintStream log) {
    }

    /**
     * One timed measurement. {@code cpuSeconds}: CPU time of the whole process (JVM and DuckDB's threads) over the
     * timed region; on a shared machine it moves far less with load than the wall time.
     */
    public record Measurement(double seconds, double cpuSeconds, long newRows, long staleRows, long peakHeapBytes,
                              long peakArrowBytes, long poolPeakHeapBytes) {
    }

    /** Write-throughput figures of one graph and N. */
    public record Writes(long storeRows, double storeSeconds, long bufferedRows, double bufferedSeconds) {
        public double storeRowsPerSecond() {
            return storeRows / storeSeconds;
        }

        public double bufferedRowsPerSecond() {
            return bufferedRows / bufferedSeconds;
        }
    }

    /** The result of a cell: per-round measurements of the store and the floor. */
    public record Cell(BenchGraph graph, long n, Phase phase, List<Measurement> store, List<Measurement> floor) {
    }

    private final BenchGraph graph;
    private final int n;
    private final Config cfg;
    private final DataGen gen;
    private final Path newTemplate;
    private final Path staleTemplate;
    private final Path roundFile;
    private Writes writes;

    public Bench(BenchGraph graph, int n, Config cfg) {
        this.graph = graph;
        this.n = n;
        this.cfg = cfg;
        this.gen = new DataGen(cfg.seed());
        this.newTemplate = cfg.dir().resolve("template-" + graph.name() + "-" + n + "-new.duckdb");
        this.staleTemplate = cfg.dir().resolve("template-" + graph.name() + "-" + n + "-stale.duckdb");
        this.roundFile = cfg.dir().resolve("round-" + graph.name() + "-" + n + ".duckdb");
    }

    /** The store the benchmark measures: embedded DuckDB file, xxhash64, MAP by-field columns. */
    public static DuckDbMetadataStore store(BenchGraph g, Path file) {
        return DuckDbMetadataStore.builder(g.graph()).database(file).hashAlgorithm(HashAlgorithm.XXHASH64)
            .enableMapDatatype(true).autoCreateTables(true).build();
    }

    static void deleteDb(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(Path.of(file + ".wal"));
            Files.deleteIfExists(Path.of(file + ".tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double since(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static final com.sun.management.OperatingSystemMXBean OS =
        (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    /** CPU time used so far by this process, all threads, in nanoseconds. */
    static long cpuNanos() {
        return OS.getProcessCpuTime();
    }

    private static double cpuSince(long c0) {
        return (cpuNanos() - c0) / 1e9;
    }

    /** Builds the templates (set-up) and measures write throughput. */
    public Writes prepare(boolean needStale) {
        try {
            Files.createDirectories(cfg.dir());
            deleteDb(newTemplate);
            deleteDb(staleTemplate);
            long rows = 0;
            double seconds = 0;
            long t0 = System.nanoTime();
            try (MetadataStore s = store(graph, newTemplate).open(AccessMode.WRITE)) {
                for (int r = 0; r < graph.roots().size(); r++) {
                    for (int from = 0; from < n; from += cfg.writeChunk()) {
                        try (Frame f = gen.rootRows(r, graph.rootFields(), from, Math.min(n, from + cfg.writeChunk()))) {
                            long w0 = System.nanoTime();
                            s.write(graph.roots().get(r), f);
                            seconds += since(w0);
                            rows += f.rowCount();
                        }
                    }
                }
            }
            cfg.log().printf("  set-up %s N=%d: roots written in %.1fs (store.write %.0f rows/s)%n", graph.name(), n, since(t0), rows / seconds);
            if (needStale) {
                long t1 = System.nanoTime();
                Files.copy(newTemplate, staleTemplate, StandardCopyOption.REPLACE_EXISTING);
                try (MetadataStore s = store(graph, staleTemplate).open(AccessMode.WRITE)) {
                    try (Frame leaf = s.resolveUpdateLazy(graph.leaf(), ResolveOptions.defaults()).newSamples().collect()) {
                        s.write(graph.leaf(), leaf);
                    }
                    long[] chosen = gen.staleChoice(n);
                    int changed = graph.rootFields().indexOf(BenchGraph.CHANGED_FIELD);
                    for (int from = 0; from < chosen.length; from += cfg.writeChunk()) {
                        try (Frame f = gen.rootRows(0, graph.rootFields(), chosen, from, Math.min(chosen.length, from + cfg.writeChunk()), changed)) {
                            s.write(graph.roots().get(0), f);
                        }
                    }
                }
                cfg.log().printf("  set-up %s N=%d: leaf materialised and 10%% of %s changed in %.1fs%n", graph.name(), n,
                    graph.roots().get(0).key(), since(t1));
            }
            writes = new Writes(rows, seconds, 0, 0);
            writes = measureBufferedWriter(rows, seconds);
            return writes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows/s through BufferedMetadataWriter: frames generated beforehand, timed from the first put to stop(). */
    private Writes measureBufferedWriter(long storeRows, double storeSeconds) {
        int rows = Math.min(n, cfg.bufferedWriteRows());
        if (rows <= 0) {
            return new Writes(storeRows, storeSeconds, 0, Double.NaN);
        }
        Path scratch = cfg.dir().resolve("buffered-" + graph.name() + "-" + n + ".duckdb");
        deleteDb(scratch);
        List<Frame> frames = new ArrayList<>();
        for (int from = 0; from < rows; from += cfg.writeChunk()) {
            frames.add(gen.rootRows(0, graph.rootFields(), from, Math.min(rows, from + cfg.writeChunk())));
        }
        double seconds;
        try (MetadataStore s = store(graph, scratch).open(AccessMode.WRITE)) {
            BufferedMetadataWriter w = new BufferedMetadataWriter(s, cfg.writeChunk(), Duration.ofSeconds(60), 0).start();
            long t0 = System.nanoTime();
            for (Frame f : frames) {
                w.put(graph.roots().get(0), f);
            }
            Map<?, Long> written = w.stop(Duration.ofHours(2));
            seconds = since(t0);
            long total = written.values().stream().mapToLong(Long::longValue).sum();
            if (total != rows) {
                throw new IllegalStateException("BufferedMetadataWriter wrote " + total + " rows, expected " + rows);
            }
        } finally {
            deleteDb(scratch);
        }
        cfg.log().printf("  set-up %s N=%d: BufferedMetadataWriter %d rows in %.2fs (%.0f rows/s)%n", graph.name(), n, rows, seconds, rows / seconds);
        return new Writes(storeRows, storeSeconds, rows, seconds);
    }

    public Writes writes() {
        return writes;
    }

    /** Runs {@code rounds} rounds of a phase (templates must be prepared). */
    public Cell run(Phase phase, int rounds) {
        List<Measurement> store = new ArrayList<>();
        List<Measurement> floor = new ArrayList<>();
        Path template = phase == Phase.NEW ? newTemplate : staleTemplate;
        String floorSql = FloorQuery.sql(graph, phase == Phase.STALE);
        for (int round = 0; round < rounds; round++) {
            freshCopy(template);
            Measurement s;
            Measurement f;
            if (round % 2 == 0) {
                s = timeStore(phase);
                f = timeFloor(floorSql);
            } else {
                f = timeFloor(floorSql);
                s = timeStore(phase);
            }
            check(phase, s, f);
            store.add(s);
            floor.add(f);
            cfg.log().printf("  %s N=%d %s round %d/%d: store %.3fs (cpu %.3fs), floor %.3fs (cpu %.3fs) (new=%d stale=%d, peak heap %d MB)%n",
                graph.name(), n, phase.label(), round + 1, rounds, s.seconds(), s.cpuSeconds(), f.seconds(), f.cpuSeconds(),
                s.newRows(), s.staleRows(), s.peakHeapBytes() >> 20);
        }
        deleteDb(roundFile);
        return new Cell(graph, n, phase, store, floor);
    }

    private void freshCopy(Path template) {
        try {
            deleteDb(roundFile);
            Files.copy(template, roundFile, StandardCopyOption.REPLACE_EXISTING);
            // Flush the copy to disk and read it once, so the first measurement of a round does not pay for
            // write-back of dirty pages or a cold page cache that the second one would not.
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(roundFile,
                java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
                java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocateDirect(1 << 20);
                long pos = 0;
                int read;
                while ((read = ch.read(buf, pos)) > 0) {
                    pos += read;
                    buf.clear();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void check(Phase phase, Measurement s, Measurement f) {
        long expectNew = phase == Phase.NEW ? n : 0;
        long expectStale = phase == Phase.NEW ? 0 : n / 10;
        if (s.newRows() != expectNew || s.staleRows() != expectStale || f.newRows() != expectNew || f.staleRows() != expectStale) {
            throw new IllegalStateException("Row counts disagree for " + graph.name() + " N=" + n + " " + phase.label()
                + ": expected new=" + expectNew + " stale=" + expectStale + ", store new=" + s.newRows() + " stale=" + s.staleRows()
                + ", floor new=" + f.newRows() + " stale=" + f.staleRows());
        }
    }

    /** The eager resolve_update(leaf): new, stale and orphaned collected into the JVM as Arrow frames. */
    private Measurement timeStore(Phase phase) {
        try (MetadataStore s = store(graph, roundFile).open(AccessMode.READ)) {
            System.gc();
            HeapSampler heap = HeapSampler.start();
            try {
                long c0 = cpuNanos();
                long t0 = System.nanoTime();
                try (Increment inc = s.resolveUpdate(graph.leaf(), ResolveOptions.defaults())) {
                    double seconds = since(t0);
                    double cpu = cpuSince(c0);
                    heap.close();
                    return new Measurement(seconds, cpu, inc.newSamples().rowCount(), inc.stale().rowCount(),
                        heap.peakHeapBytes(), heap.peakArrowBytes(), heap.poolPeakHeapBytes());
                }
            } finally {
                heap.close();
            }
        }
    }

    /** The floor statement on the same file, fetched through Arrow. */
    private Measurement timeFloor(String sql) {
        try (DuckDbMetadataStore s = (DuckDbMetadataStore) store(graph, roundFile).open(AccessMode.READ)) {
            System.gc();
            HeapSampler heap = HeapSampler.start();
            long c0 = cpuNanos();
            long t0 = System.nanoTime();
            try (FloorQuery.Result r = FloorQuery.fetch(s.connection(), sql, cfg.batchRows())) {
                double seconds = since(t0);
                double cpu = cpuSince(c0);
                heap.close();
                return new Measurement(seconds, cpu, r.newRows, r.staleRows, heap.peakHeapBytes(), heap.peakArrowBytes(),
                    heap.poolPeakHeapBytes());
            } catch (SQLException e) {
                throw new IllegalStateException("Floor statement failed: " + e.getMessage() + "\n" + sql, e);
            } finally {
                heap.close();
            }
        }
    }

    /** Figures of a cell as a JSON-ready map. */
    public static Map<String, Object> cellJson(Cell c, Writes w, String store) {
        List<Double> t = c.store().stream().map(Measurement::seconds).toList();
        List<Double> ft = c.floor().stream().map(Measurement::seconds).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("graph", c.graph().name());
        m.put("n", c.n());
        m.put("phase", c.phase().label());
        m.put("store", store);
        m.put("rounds", t.size());
        m.put("median_s", Stats.median(t));
        m.put("q25_s", Stats.quantile(t, 0.25));
        m.put("q75_s", Stats.quantile(t, 0.75));
        m.put("iqr_s", Stats.quantile(t, 0.75) - Stats.quantile(t, 0.25));
        m.put("floor_median_s", Stats.median(ft));
        m.put("floor_q25_s", Stats.quantile(ft, 0.25));
        m.put("floor_q75_s", Stats.quantile(ft, 0.75));
        m.put("ratio_to_floor", Stats.median(t) / Stats.median(ft));
        List<Double> cpu = c.store().stream().map(Measurement::cpuSeconds).toList();
        List<Double> fcpu = c.floor().stream().map(Measurement::cpuSeconds).toList();
        m.put("cpu_median_s", Stats.median(cpu));
        m.put("floor_cpu_median_s", Stats.median(fcpu));
        m.put("cpu_ratio_to_floor", Stats.median(cpu) / Stats.median(fcpu));
        m.put("peak_heap_bytes", c.store().stream().mapToLong(Measurement::peakHeapBytes).max().orElse(0));
        m.put("peak_heap_pool_bytes", c.store().stream().mapToLong(Measurement::poolPeakHeapBytes).max().orElse(0));
        m.put("peak_arrow_bytes", c.store().stream().mapToLong(Measurement::peakArrowBytes).max().orElse(0));
        m.put("floor_peak_heap_bytes", c.floor().stream().mapToLong(Measurement::peakHeapBytes).max().orElse(0));
        m.put("floor_peak_arrow_bytes", c.floor().stream().mapToLong(Measurement::peakArrowBytes).max().orElse(0));
        m.put("new_rows", c.store().get(0).newRows());
        m.put("stale_rows", c.store().get(0).staleRows());
        m.put("paper_median_s", c.graph().paperMedian(c.n(), c.phase()));
        m.put("times_s", t);
        m.put("floor_times_s", ft);
        m.put("cpu_times_s", cpu);
        m.put("floor_cpu_times_s", fcpu);
        if (w != null) {
            m.put("write_rows", w.storeRows());
            m.put("write_s", w.storeSeconds());
            m.put("write_rows_per_s", w.storeRowsPerSecond());
            m.put("buffered_write_rows", w.bufferedRows());
            m.put("buffered_write_s", w.bufferedSeconds());
            m.put("buffered_write_rows_per_s", w.bufferedRowsPerSecond());
        }
        return m;
    }

    /** Deletes this bench's template files. */
    public void cleanUp() {
        deleteDb(newTemplate);
        deleteDb(staleTemplate);
        deleteDb(roundFile);
    }
}
