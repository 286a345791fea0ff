package dev.metaxy.bench;

import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.SystemColumns;
import dev.metaxy.spark.SparkIncrement;
import dev.metaxy.spark.SparkMetadataStore;
import dev.metaxy.spark.SparkSessions;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.ResolveOptions;
import dev.metaxy.store.WriteOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code metaxy-bench --store spark}: the same cells (graph, N, phase) on the Spark store over Delta tables.
 *
 * <p>Set-up (untimed): root rows generated as a Spark Dataset ({@code range(N)}, provenance values are the first 16
 * hex characters of sha256 of (seed, root, field, sample, version)) and appended with {@code writeDataset}; for the
 * stale phase the leaf is materialised from its increment with {@code writeDataset} and then exactly the samples with
 * {@code id % 10 = 0} get a changed {@code audio} in the first root. Nothing leaves the cluster.
 *
 * <p>Timed: {@code resolveUpdateDatasets(leaf)} and a count of the non-null {@code metaxy_provenance} of {@code new} (and of {@code stale} in the
 * stale phase): the whole increment is computed on the executors and only the counts come back to the driver (a Spark
 * user would write the increment to a table, not collect it). Checked every round: new = N (new phase); new = 0 and
 * stale = N/10 (stale phase). Resolving is read-only, so every round runs on the same set-up tables. There is no SQL
 * floor for Spark.
 */
final class SparkBench {
    private final String master;
    private final String dir;
    private final long seed;
    private final PrintStream out;

    /** {@code dir}: a local directory or a Hadoop URI every executor can reach ({@code s3a://bucket/prefix}). */
    SparkBench(String master, String dir, long seed, PrintStream out) {
        this.master = master;
        this.dir = dir.contains("://") ? dir : Path.of(dir).toAbsolutePath().toString();
        this.seed = seed;
        this.out = out;
    }

    private SparkSession session() {
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("spark.ui.showConsoleProgress", "false");
        SparkSession s = SparkSessions.getOrCreate(master, conf, SparkMetadataStore.Format.DELTA);
        s.sparkContext().setLogLevel("WARN");
        return s;
    }

    private SparkMetadataStore store(BenchGraph g, String root) {
        return SparkMetadataStore.builder(g.graph()).spark(session()).rootPath(root)
            .hashAlgorithm(dev.metaxy.hash.HashAlgorithm.XXHASH64).enableMapDatatype(true).autoCreateTables(true).build();
    }

    private Dataset<Row> rootRows(SparkSession spark, int rootIndex, List<String> fields, long n, String where, boolean changed) {
        List<String> entries = new ArrayList<>();
        for (int f = 0; f < fields.size(); f++) {
            int version = changed && fields.get(f).equals(BenchGraph.CHANGED_FIELD) ? 1 : 0;
            entries.add("'" + fields.get(f) + "', substr(sha2(concat_ws(':', '" + seed + "', '" + rootIndex + "', '" + f
                + "', CAST(id AS STRING), '" + version + "'), 256), 1, 16)");
        }
        return spark.sql("SELECT id AS " + BenchGraph.ID + ", named_struct(" + String.join(", ", entries) + ") AS "
            + SystemColumns.PROVENANCE_BY_FIELD + " FROM range(" + n + ")" + (where == null ? "" : " WHERE " + where));
    }

    /** Writes the roots (and for stale, the leaf and the 10% change); returns seconds spent writing the roots. */
    private double prepare(BenchGraph g, long n, String root, boolean stale) {
        SparkMetadataStore s = store(g, root);
        try (var w = s.open(AccessMode.WRITE)) {
            long t0 = System.nanoTime();
            for (int r = 0; r < g.roots().size(); r++) {
                s.writeDataset(g.roots().get(r).key(), rootRows(s.spark(), r, g.rootFields(), n, null, false), WriteOptions.defaults());
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (stale) {
                s.writeDataset(g.leaf().key(), s.resolveUpdateDatasets(g.leaf().key(), ResolveOptions.defaults()).newSamples(),
                    WriteOptions.defaults());
                FeatureSpec first = g.roots().get(0);
                s.writeDataset(first.key(), rootRows(s.spark(), 0, g.rootFields(), n, "id % 10 = 0", true), WriteOptions.defaults());
            }
            return seconds;
        }
    }

    List<Map<String, Object>> run(BenchGraph g, long n, List<Phase> phases, int rounds, List<Map<String, Object>> writes) {
        List<Map<String, Object>> cells = new ArrayList<>();
        for (Phase p : phases) {
            String root = dir + "/spark-" + g.name() + "-" + n + "-" + p.label();
            delete(root);
            double writeSeconds = prepare(g, n, root, p == Phase.STALE);
            if (p == phases.get(0)) {
                Map<String, Object> wj = new LinkedHashMap<>();
                wj.put("graph", g.name());
                wj.put("n", n);
                wj.put("store", "spark");
                wj.put("write_rows", n * g.roots().size());
                wj.put("write_s", writeSeconds);
                wj.put("write_rows_per_s", n * g.roots().size() / writeSeconds);
                wj.put("buffered_write_rows", 0L);
                wj.put("buffered_write_s", 0.0);
                wj.put("buffered_write_rows_per_s", 0.0);
                writes.add(wj);
            }
            List<Double> times = new ArrayList<>();
            long newRows = -1;
            long staleRows = -1;
            SparkMetadataStore s = store(g, root);
            for (int r = 0; r < rounds; r++) {
                try (var open = s.open(AccessMode.READ)) {
                    long t0 = System.nanoTime();
                    SparkIncrement inc = s.resolveUpdateDatasets(g.leaf().key(), ResolveOptions.defaults());
                    newRows = hashedCount(inc.newSamples());
                    staleRows = p == Phase.STALE ? hashedCount(inc.stale()) : 0;
                    times.add((System.nanoTime() - t0) / 1e9);
                }
                long expectNew = p == Phase.NEW ? n : 0;
                long expectStale = p == Phase.STALE ? n / 10 : 0;
                if (newRows != expectNew || staleRows != expectStale) {
                    throw new IllegalStateException("spark " + g.name() + " N=" + n + " " + p.label() + ": new=" + newRows
                        + " stale=" + staleRows + ", expected " + expectNew + "/" + expectStale);
                }
                out.printf(Locale.ROOT, "   spark %s round %d: %.3f s%n", p.label(), r + 1, times.get(times.size() - 1));
            }
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("graph", g.name());
            c.put("n", n);
            c.put("phase", p.label());
            c.put("store", "spark");
            c.put("master", master);
            c.put("rounds", rounds);
            c.put("median_s", Stats.median(times));
            c.put("q25_s", Stats.quantile(times, 0.25));
            c.put("q75_s", Stats.quantile(times, 0.75));
            c.put("iqr_s", Stats.quantile(times, 0.75) - Stats.quantile(times, 0.25));
            c.put("floor_median_s", null);
            c.put("ratio_to_floor", null);
            c.put("peak_heap_bytes", 0L);
            c.put("new_rows", newRows);
            c.put("stale_rows", staleRows);
            c.put("paper_median_s", g.paperMedian(n, p));
            c.put("times_s", times);
            cells.add(c);
            delete(root);
        }
        return cells;
    }

    /**
     * The number of rows, counted over their sample provenance: a bare {@code count()} would let Spark prune the hash
     * columns and skip hashing altogether.
     */
    private static long hashedCount(Dataset<Row> rows) {
        return rows.selectExpr("count(" + SystemColumns.PROVENANCE + ")").first().getLong(0);
    }

    private void delete(String root) {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(root);
        try {
            org.apache.hadoop.fs.FileSystem fs = p.getFileSystem(session().sparkContext().hadoopConfiguration());
            if (fs.exists(p)) {
                fs.delete(p, true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
