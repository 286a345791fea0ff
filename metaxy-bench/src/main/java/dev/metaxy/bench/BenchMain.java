package dev.metaxy.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bin/metaxy-bench}: the paper's resolve_update benchmark with the SQL floor beside it.
 *
 * <pre>
 * metaxy-bench --graph simple|wide|all --n 10k,100k,1M,10M --phase new|stale|both --rounds 10
 *              [--rounds-for 10M=3] [--store duckdb|spark] [--spark-master local[2]] [--json FILE] [--dir DIR] [--seed 42]
 *              [--write-chunk 250000] [--buffered-write-rows 1000000] [--keep]
 * </pre>
 */
public final class BenchMain {
    static final String USAGE = """
        usage: metaxy-bench [options]
          --graph simple|wide|all      graph(s), comma-separated (default simple)
          --n N[,N...]                 row counts, suffixes k/M allowed (default 10k)
          --phase new|stale|both       which phase(s) to time (default both)
          --rounds R                   rounds per cell (default 10)
          --rounds-for N=R             rounds for one N, overriding --rounds (repeatable)
          --store duckdb|spark         the store to measure (spark: Delta tables, no SQL floor)
          --spark-master M             the Spark master for --store spark (default local[2])
          --json FILE                  write every figure as JSON
          --dir DIR                    where store files go (default ./target/bench-stores; spark: also s3a://...)
          --seed S                     data seed (default 42)
          --write-chunk ROWS           rows per store.write call in set-up (default 250000)
          --buffered-write-rows ROWS   rows for the BufferedMetadataWriter figure, capped at N (default 1000000)
          --batch-rows ROWS            Arrow batch size of the floor fetch (default 65536, the store's)
          --keep                       keep the template store files
        or:    metaxy-bench hash-throughput [N] [ROUNDS]   hash values/s in DuckDB: vectorised UDF vs row-at-a-time
                                                           vs built-ins (default 2M values, 3 rounds)
        """;

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        try {
            if (args.length > 0 && args[0].equals("hash-throughput")) {
                HashThroughput.run(args.length > 1 ? parseCount(args[1]) : 2_000_000, args.length > 2 ? (int) parseCount(args[2]) : 3,
                    System.out);
                return;
            }
            run(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("metaxy-bench: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        }
    }

    static long parseCount(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT).replace("_", "");
        long mult = 1;
        if (t.endsWith("k")) {
            mult = 1_000;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("m")) {
            mult = 1_000_000;
            t = t.substring(0, t.length() - 1);
        }
        try {
            return Long.parseLong(t) * mult;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a row count: '" + s + "'");
        }
    }

    /** Parses the options, runs every cell and returns the JSON document (also written to --json). */
    public static Map<String, Object> run(String[] args, PrintStream out) throws IOException {
        List<BenchGraph> graphs = List.of(BenchGraph.simple());
        List<Long> ns = List.of(10_000L);
        List<Phase> phases = Phase.parse("both");
        int rounds = 10;
        Map<Long, Integer> roundsFor = new LinkedHashMap<>();
        String storeName = "duckdb";
        Path json = null;
        Path dir = Path.of("target", "bench-stores");
        long seed = 42;
        int writeChunk = 250_000;
        int bufferedRows = 1_000_000;
        int batchRows = 65_536;
        boolean keep = false;
        String sparkMaster = "local[2]";
        String sparkDir = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                out.print(USAGE);
                return Map.of();
            }
            if (a.equals("--keep")) {
                keep = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Option " + a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--graph" -> {
                    List<BenchGraph> gs = new ArrayList<>();
                    for (String g : v.split(",")) {
                        if (g.equals("all")) {
                            gs.add(BenchGraph.simple());
                            gs.add(BenchGraph.wide());
                        } else {
                            gs.add(BenchGraph.named(g));
                        }
                    }
                    graphs = gs;
                }
                case "--n" -> {
                    List<Long> l = new ArrayList<>();
                    for (String s : v.split(",")) {
                        l.add(parseCount(s));
                    }
                    ns = l;
                }
                case "--phase" -> phases = Phase.parse(v);
                case "--rounds" -> rounds = (int) parseCount(v);
                case "--rounds-for" -> {
                    String[] kv = v.split("=");
                    if (kv.length != 2) {
                        throw new IllegalArgumentException("--rounds-for wants N=R, got '" + v + "'");
                    }
                    roundsFor.put(parseCount(kv[0]), (int) parseCount(kv[1]));
                }
                case "--store" -> storeName = v;
                case "--spark-master" -> sparkMaster = v;
                case "--json" -> json = Path.of(v);
                case "--dir" -> {
                    if (v.contains("://")) {
                        sparkDir = v;
                    } else {
                        dir = Path.of(v);
                    }
                }
                case "--seed" -> seed = Long.parseLong(v);
                case "--write-chunk" -> writeChunk = (int) parseCount(v);
                case "--buffered-write-rows" -> bufferedRows = (int) parseCount(v);
                case "--batch-rows" -> batchRows = (int) parseCount(v);
                default -> throw new IllegalArgumentException("Unknown option " + a);
            }
        }
        if (!storeName.equals("duckdb") && !storeName.equals("spark")) {
            throw new IllegalArgumentException("Unknown store '" + storeName + "' (duckdb or spark)");
        }
        for (long n : ns) {
            if (n < 10 || n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("N must be between 10 and " + Integer.MAX_VALUE + ", got " + n);
            }
        }
        Bench.Config cfg = new Bench.Config(dir, seed, writeChunk, bufferedRows, batchRows, false, out);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("benchmark", "resolve_update (paper 'Introducing Metaxy', 2026) with SQL floor");
        doc.put("command", "metaxy-bench " + String.join(" ", args));
        doc.put("started_at", Instant.now().toString());
        doc.put("machine", machine());
        doc.put("settings", Map.of("hash", "xxhash64", "by_field_type", "MAP", "seed", seed, "write_chunk", writeChunk,
            "batch_rows", batchRows));
        List<Map<String, Object>> cells = new ArrayList<>();
        List<Map<String, Object>> writes = new ArrayList<>();
        doc.put("cells", cells);
        doc.put("writes", writes);
        boolean needStale = phases.contains(Phase.STALE);
        for (BenchGraph g : graphs) {
            for (long n : ns) {
                int r = roundsFor.getOrDefault(n, rounds);
                out.printf("== %s N=%d (%d rounds)%n", g.name(), n, r);
                if (storeName.equals("spark")) {
                    cells.addAll(new SparkBench(sparkMaster, sparkDir != null ? sparkDir : dir.toString(), seed, out).run(g, n, phases, r, writes));
                    if (json != null) {
                        writeJson(json, doc);
                    }
                    continue;
                }
                Bench b = new Bench(g, (int) n, cfg);
                try {
                    Bench.Writes w = b.prepare(needStale);
                    Map<String, Object> wj = new LinkedHashMap<>();
                    wj.put("graph", g.name());
                    wj.put("n", n);
                    wj.put("store", storeName);
                    wj.put("write_rows", w.storeRows());
                    wj.put("write_s", w.storeSeconds());
                    wj.put("write_rows_per_s", w.storeRowsPerSecond());
                    wj.put("buffered_write_rows", w.bufferedRows());
                    wj.put("buffered_write_s", w.bufferedSeconds());
                    wj.put("buffered_write_rows_per_s", w.bufferedRowsPerSecond());
                    writes.add(wj);
                    for (Phase p : phases) {
                        cells.add(Bench.cellJson(b.run(p, r), w, storeName));
                        if (json != null) {
                            writeJson(json, doc);
                        }
                    }
                } finally {
                    if (!keep) {
                        b.cleanUp();
                    }
                }
            }
        }
        doc.put("finished_at", Instant.now().toString());
        out.println();
        out.print(table(cells, writes));
        if (json != null) {
            writeJson(json, doc);
            out.println("JSON written to " + json);
        }
        return doc;
    }

    static void writeJson(Path file, Map<String, Object> doc) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Path tmp = Path.of(file + ".tmp");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), doc);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static String human(long n) {
        if (n >= 1_000_000 && n % 1_000_000 == 0) {
            return n / 1_000_000 + "M";
        }
        if (n >= 1_000 && n % 1_000 == 0) {
            return n / 1_000 + "k";
        }
        return Long.toString(n);
    }

    /** {@code value} formatted, or {@code –} when the cell has none (the Spark store has no floor). */
    private static String figure(Object value, String format) {
        return value == null ? "–" : String.format(Locale.ROOT, format, ((Number) value).doubleValue());
    }

    /** The results as a Markdown table (times in seconds). */
    public static String table(List<Map<String, Object>> cells, List<Map<String, Object>> writes) {
        StringBuilder sb = new StringBuilder();
        sb.append("| graph | N | phase | rounds | median s | IQR s (q25–q75) | floor median s | ratio to floor | CPU s (store / floor) | CPU ratio | peak heap MB | paper median s |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Map<String, Object> c : cells) {
            Object paper = c.get("paper_median_s");
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %.3f | %.3f (%.3f–%.3f) | %s | %s | %s / %s | %s | %d | %s |%n",
                c.get("graph"), human(((Number) c.get("n")).longValue()), c.get("phase"), c.get("rounds"),
                c.get("median_s"), (double) c.get("q75_s") - (double) c.get("q25_s"), c.get("q25_s"), c.get("q75_s"),
                figure(c.get("floor_median_s"), "%.3f"), figure(c.get("ratio_to_floor"), "%.2f"), figure(c.get("cpu_median_s"), "%.2f"),
                figure(c.get("floor_cpu_median_s"), "%.2f"), figure(c.get("cpu_ratio_to_floor"), "%.2f"),
                ((Number) c.get("peak_heap_bytes")).longValue() >> 20,
                paper == null ? "–" : String.format(Locale.ROOT, "%.2f", (Double) paper)));
        }
        if (!writes.isEmpty()) {
            sb.append("\n| graph | N | store.write rows | store.write rows/s | BufferedMetadataWriter rows | BufferedMetadataWriter rows/s |\n");
            sb.append("|---|---|---|---|---|---|\n");
            for (Map<String, Object> w : writes) {
                sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %.0f | %d | %.0f |%n", w.get("graph"),
                    human(((Number) w.get("n")).longValue()), w.get("write_rows"), w.get("write_rows_per_s"),
                    w.get("buffered_write_rows"), w.get("buffered_write_rows_per_s")));
            }
        }
        return sb.toString();
    }

    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("cpu_model", firstLine(Path.of("/proc/cpuinfo"), "model name"));
        String mem = firstLine(Path.of("/proc/meminfo"), "MemTotal");
        if (mem != null) {
            m.put("memory_bytes", Long.parseLong(mem.replaceAll("[^0-9]", "")) * 1024);
        }
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("max_heap_bytes", Runtime.getRuntime().maxMemory());
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version(), current_setting('threads')")) {
            rs.next();
            m.put("duckdb", rs.getString(1));
            m.put("duckdb_threads", rs.getString(2));
        } catch (Exception e) {
            m.put("duckdb", "unknown: " + e.getMessage());
        }
        return m;
    }

    private static String firstLine(Path file, String prefix) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(prefix)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }
}
