package dev.metaxy.duckdb.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.duckdb.DuckDbMetadataStore;
import dev.metaxy.frame.Frame;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.LazyIncrement;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.ResolveOptions;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proof that increments are computed inside DuckDB: 2,000,000 upstream rows resolve in a child JVM whose heap is
 * capped at 256 MB, and each part of the increment is a single SQL statement.
 */
class PushdownTest {
    static final int ROWS = 2_000_000;
    static final FeatureSpec ROOT = FeatureSpec.builder("bench/root").idColumns("sample_uid").field("audio", "1").field("frames", "1").build();
    static final FeatureSpec LEAF = FeatureSpec.builder("bench/leaf").idColumns("sample_uid").dependsOn(ROOT).field("prediction", "1").build();

    static DuckDbMetadataStore store(Path db) {
        return DuckDbMetadataStore.builder(FeatureGraph.of(List.of(ROOT, LEAF))).database(db)
            .hashAlgorithm(HashAlgorithm.XXHASH64).autoCreateTables(true).build();
    }

    @Test
    void twoMillionUpstreamRowsResolveUnderA256MbHeap(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("big.duckdb");
        try (MetadataStore s = store(db).open(AccessMode.WRITE)) {
            s.write("bench/root", List.of(Map.of("sample_uid", 0L, "metaxy_provenance_by_field", Map.of("audio", "a", "frames", "f"))));
            try (Statement st = ((DuckDbMetadataStore) s).connection().createStatement()) {
                st.execute("INSERT INTO bench__root SELECT b.* REPLACE (r.range + 1 AS sample_uid, "
                    + "struct_pack(audio := 'a' || r.range, frames := 'f' || r.range) AS metaxy_provenance_by_field, "
                    + "struct_pack(audio := 'a' || r.range, frames := 'f' || r.range) AS metaxy_data_version_by_field, "
                    + "md5(r.range::VARCHAR) AS metaxy_provenance, md5(r.range::VARCHAR) AS metaxy_data_version) "
                    + "FROM bench__root AS b, range(" + (ROWS - 1) + ") AS r");
            }
            assertThat(s.read("bench/root").count()).isEqualTo(ROWS);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "-cp", System.getProperty("java.class.path"), PushdownChild.class.getName(), db.toString())
            .redirectErrorStream(true).start();
        boolean done = p.waitFor(5, TimeUnit.MINUTES);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(done).as("child finished: %s", out).isTrue();
        assertThat(p.exitValue()).as("child output: %s", out).isZero();
        assertThat(out).contains("new=" + ROWS).contains("streamed=" + ROWS);
    }

    @Test
    void eachIncrementPartIsOneSqlStatement(@TempDir Path dir) throws Exception {
        try (MetadataStore s = store(dir.resolve("small.duckdb")).open(AccessMode.WRITE)) {
            s.write("bench/root", List.of(Map.of("sample_uid", 1L, "metaxy_provenance_by_field", Map.of("audio", "a", "frames", "f"))));
            try (var inc = s.resolveUpdate("bench/leaf")) {
                s.write("bench/leaf", inc.newSamples());
            }
            LazyIncrement lazy = s.resolveUpdateLazy("bench/leaf", ResolveOptions.defaults());
            for (String sql : List.of(lazy.newSamples().query(), lazy.stale().query(), lazy.orphaned().query())) {
                assertThat(sql).doesNotContain(";");
                try (Statement st = ((DuckDbMetadataStore) s).connection().createStatement();
                     ResultSet rs = st.executeQuery("EXPLAIN " + sql)) {
                    assertThat(rs.next()).isTrue();
                }
            }
        }
    }

    /** The child JVM: resolves the leaf and counts and streams its new rows with a 256 MB heap. */
    public static final class PushdownChild {
        public static void main(String[] args) {
            try (MetadataStore s = store(Path.of(args[0])).open(AccessMode.READ)) {
                LazyIncrement inc = s.resolveUpdateLazy("bench/leaf", ResolveOptions.defaults());
                long n = inc.newSamples().count();
                AtomicLong streamed = new AtomicLong();
                inc.newSamples().stream(65_536, (Frame batch) -> streamed.addAndGet(batch.rowCount()));
                System.out.println("new=" + n + " streamed=" + streamed.get() + " maxHeap=" + Runtime.getRuntime().maxMemory());
            }
        }
    }
}
