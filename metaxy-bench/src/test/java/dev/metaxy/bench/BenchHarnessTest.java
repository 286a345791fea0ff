package dev.metaxy.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.metaxy.duckdb.DuckDbMetadataStore;
import dev.metaxy.frame.Frame;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.LazyIncrement;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.ResolveOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The harness with tiny N: every phase runs, the JSON has every key, and the floor gives the store's answer. */
class BenchHarnessTest {
    static final int N = 1000;

    static final List<String> CELL_KEYS = List.of("graph", "n", "phase", "store", "rounds", "median_s", "q25_s", "q75_s",
        "iqr_s", "floor_median_s", "ratio_to_floor", "peak_heap_bytes", "peak_arrow_bytes", "new_rows", "stale_rows",
        "times_s", "floor_times_s", "write_rows_per_s", "buffered_write_rows_per_s", "cpu_median_s", "floor_cpu_median_s",
        "cpu_ratio_to_floor", "cpu_times_s", "floor_cpu_times_s");

    private static JsonNode runCli(Path dir, String... extra) throws Exception {
        Path json = dir.resolve("out.json");
        List<String> args = new java.util.ArrayList<>(List.of("--n", "1k", "--rounds", "2", "--dir", dir.resolve("stores").toString(),
            "--json", json.toString(), "--write-chunk", "300", "--buffered-write-rows", "500"));
        args.addAll(List.of(extra));
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        BenchMain.run(args.toArray(String[]::new), new PrintStream(buf, true, StandardCharsets.UTF_8));
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("| graph | N | phase |").contains("ratio to floor");
        return new ObjectMapper().readTree(json.toFile());
    }

    @ParameterizedTest
    @ValueSource(strings = {"new", "stale", "both"})
    void eachPhaseRunsAndTheJsonHasEveryKey(String phase, @TempDir Path dir) throws Exception {
        JsonNode doc = runCli(dir, "--graph", "simple", "--phase", phase);
        JsonNode cells = doc.get("cells");
        assertThat(cells.size()).isEqualTo(phase.equals("both") ? 2 : 1);
        for (JsonNode c : cells) {
            for (String k : CELL_KEYS) {
                assertThat(c.has(k)).as("key %s in %s", k, c).isTrue();
            }
            assertThat(c.get("n").asLong()).isEqualTo(N);
            assertThat(c.get("store").asText()).isEqualTo("duckdb");
            assertThat(c.get("rounds").asInt()).isEqualTo(2);
            assertThat(c.get("median_s").asDouble()).isPositive();
            assertThat(c.get("floor_median_s").asDouble()).isPositive();
            assertThat(c.get("ratio_to_floor").asDouble()).isPositive();
            assertThat(c.get("cpu_median_s").asDouble()).isPositive();
            assertThat(c.get("cpu_ratio_to_floor").asDouble()).isPositive();
            assertThat(c.get("peak_heap_bytes").asLong()).isPositive();
            assertThat(c.get("q25_s").asDouble()).isLessThanOrEqualTo(c.get("q75_s").asDouble());
            boolean stale = c.get("phase").asText().equals("stale");
            assertThat(c.get("new_rows").asLong()).isEqualTo(stale ? 0 : N);
            assertThat(c.get("stale_rows").asLong()).isEqualTo(stale ? N / 10 : 0);
        }
        JsonNode w = doc.get("writes").get(0);
        assertThat(w.get("write_rows").asLong()).isEqualTo(N);
        assertThat(w.get("write_rows_per_s").asDouble()).isPositive();
        assertThat(w.get("buffered_write_rows").asLong()).isEqualTo(500);
        assertThat(w.get("buffered_write_rows_per_s").asDouble()).isPositive();
        assertThat(doc.get("machine").get("cores").asInt()).isPositive();
        assertThat(Files.list(dir.resolve("stores")).toList()).as("store files are cleaned up").isEmpty();
    }

    @Test
    void wideGraphRunsBothPhases(@TempDir Path dir) throws Exception {
        JsonNode doc = runCli(dir, "--graph", "wide", "--phase", "both");
        assertThat(doc.get("cells").size()).isEqualTo(2);
        assertThat(doc.get("writes").get(0).get("write_rows").asLong()).as("two roots").isEqualTo(2L * N);
    }

    @Test
    void badOptionsAreRejected(@TempDir Path dir) {
        assertThatThrownBy(() -> BenchMain.run(new String[] {"--store", "postgres"}, System.out))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unknown store");
        assertThatThrownBy(() -> BenchMain.run(new String[] {"--phase", "old"}, System.out))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unknown phase");
        assertThat(BenchMain.parseCount("10M")).isEqualTo(10_000_000L);
        assertThat(BenchMain.parseCount("100k")).isEqualTo(100_000L);
    }

    /** uid → provenance, by_field map and data version of every row, and the ids as unsigned 64-bit values. */
    private static Map<BigInteger, List<Object>> rows(List<Frame> frames, String kind) {
        Map<BigInteger, List<Object>> out = new HashMap<>();
        for (Frame f : frames) {
            for (Map<String, Object> r : f.toRows()) {
                if (kind != null && r.containsKey(FloorQuery.KIND) && !kind.equals(r.get(FloorQuery.KIND))) {
                    continue;
                }
                Object id = r.get("sample_uid");
                BigInteger uid = id instanceof BigInteger b ? b : BigInteger.valueOf((Long) id);
                out.put(uid, List.of(r.get("metaxy_provenance"), r.get("metaxy_provenance_by_field"),
                    r.get("metaxy_data_version"), r.get("metaxy_data_version_by_field")));
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"simple", "wide"})
    void floorAndStoreGiveTheSameRowsAndValues(String graphName, @TempDir Path dir) throws Exception {
        BenchGraph g = BenchGraph.named(graphName);
        Bench b = new Bench(g, N, new Bench.Config(dir, 7, 400, 0, 65_536, true, new PrintStream(new ByteArrayOutputStream())));
        b.prepare(true);
        for (Phase phase : Phase.values()) {
            Path file = dir.resolve("template-" + g.name() + "-" + N + "-" + phase.label() + ".duckdb");
            try (DuckDbMetadataStore s = (DuckDbMetadataStore) Bench.store(g, file).open(AccessMode.READ)) {
                LazyIncrement inc = s.resolveUpdateLazy(g.leaf(), ResolveOptions.defaults());
                try (Frame newRows = inc.newSamples().collect(); Frame stale = inc.stale().collect();
                     FloorQuery.Result floor = FloorQuery.fetch(s.connection(), FloorQuery.sql(g, phase == Phase.STALE), 128)) {
                    assertThat(newRows.rowCount()).isEqualTo(phase == Phase.NEW ? N : 0);
                    assertThat(stale.rowCount()).isEqualTo(phase == Phase.NEW ? 0 : N / 10);
                    assertThat(floor.newRows).isEqualTo(newRows.rowCount());
                    assertThat(floor.staleRows).isEqualTo(stale.rowCount());
                    Map<BigInteger, List<Object>> store = rows(List.of(phase == Phase.NEW ? newRows : stale), null);
                    Map<BigInteger, List<Object>> fl = rows(floor.batches, phase == Phase.NEW ? null : "stale");
                    assertThat(fl).isEqualTo(store);
                    assertThat(store.keySet()).as("ids above Long.MAX_VALUE survive as unsigned")
                        .anyMatch(u -> u.compareTo(BigInteger.valueOf(Long.MAX_VALUE)) > 0);
                    assertThat(newRows.schema().findField("sample_uid").getType())
                        .isEqualTo(new org.apache.arrow.vector.types.pojo.ArrowType.Int(64, false));
                }
            }
        }
        b.cleanUp();
    }

    @Test
    void rootIdsAreUbigintInTheStoreAndReadBackUnsigned(@TempDir Path dir) throws Exception {
        BenchGraph g = BenchGraph.simple();
        DataGen gen = new DataGen(1);
        try (DuckDbMetadataStore s = (DuckDbMetadataStore) Bench.store(g, dir.resolve("u.duckdb")).open(AccessMode.WRITE)) {
            try (Frame f = gen.rootRows(0, g.rootFields(), 0, 50)) {
                s.write(g.roots().get(0), f);
            }
            try (var st = s.connection().createStatement();
                 var rs = st.executeQuery("SELECT data_type FROM information_schema.columns WHERE table_name = '"
                     + s.tableName(g.roots().get(0).key()) + "' AND column_name = 'sample_uid'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("UBIGINT");
            }
            try (Frame back = s.read(g.roots().get(0)).collect()) {
                assertThat(back.rowCount()).isEqualTo(50);
                java.util.Set<BigInteger> ids = new java.util.HashSet<>();
                for (int i = 0; i < 50; i++) {
                    ids.add(new BigInteger(Long.toUnsignedString(gen.uid(i))));
                }
                java.util.Set<BigInteger> read = new java.util.HashSet<>();
                for (Map<String, Object> r : back.toRows()) {
                    Object id = r.get("sample_uid");
                    read.add(id instanceof BigInteger b ? b : BigInteger.valueOf((Long) id));
                }
                assertThat(read).isEqualTo(ids);
            }
        }
    }

    @Test
    void staleChoiceIsExactlyTenPercentAndSeeded() {
        long[] a = new DataGen(3).staleChoice(1000);
        assertThat(a).hasSize(100).doesNotHaveDuplicates().isSorted();
        assertThat(new DataGen(3).staleChoice(1000)).isEqualTo(a);
        assertThat(new DataGen(4).staleChoice(1000)).isNotEqualTo(a);
    }

    @Test
    void quantilesInterpolate() {
        assertThat(Stats.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(Stats.quantile(List.of(1.0, 2.0, 3.0, 4.0), 0.25)).isEqualTo(1.75);
    }

    @org.junit.jupiter.api.Test
    void hashThroughputComparesTheUdfsOnTheSameValues() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        java.util.Map<String, Double> rates = HashThroughput.run(20_000, 1, new PrintStream(buf, true, StandardCharsets.UTF_8));
        // run() itself fails when the vectorised and the row-at-a-time UDF disagree on the values.
        assertThat(rates).hasSize(4);
        assertThat(rates.values()).allSatisfy(r -> assertThat(r).isPositive());
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("vectorised / row-at-a-time:");
    }
}
