package dev.metaxy.spark.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.frame.Frame;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.spark.SparkMetadataStore;
import dev.metaxy.spark.SparkTestSession;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.MetadataStoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write whose column types contradict the existing table (text ids into an integer table, text into a double
 * column) fails before anything is written with a message naming the column and both types, instead of Delta's
 * "Failed to merge fields" from deep inside the write (found by metaxy-reliability's bad-input catalogue).
 */
class SparkColumnTypeTest {
    @TempDir
    Path dir;

    @Test
    void aColumnOfTheWrongTypeIsRefusedAndNothingIsWritten() throws Exception {
        FeatureSpec raw = FeatureSpec.builder("types/raw").idColumns("sample_uid").build();
        FeatureGraph g = FeatureGraph.of(List.of(raw));
        SparkMetadataStore s = SparkMetadataStore.builder(g).spark(SparkTestSession.get()).rootPath(dir)
            .hashAlgorithm(HashAlgorithm.MD5).autoCreateTables(true).build();
        try (var w = s.open(AccessMode.WRITE)) {
            try (Frame f = Frame.fromRows(List.of(Map.of("sample_uid", 1L, "score", 0.5,
                "metaxy_provenance_by_field", Map.of("default", "h1"))))) {
                s.write(raw.key(), f);
            }
            Path log = Path.of(s.tableUri(raw.key())).resolve("_delta_log");
            long commits = commits(log);
            try (Frame f = Frame.fromRows(List.of(Map.of("sample_uid", "abc", "metaxy_provenance_by_field", Map.of("default", "x"))))) {
                assertThatThrownBy(() -> s.write(raw.key(), f)).isInstanceOf(MetadataStoreException.class)
                    .hasMessageContaining("Cannot write column 'sample_uid' of type string")
                    .hasMessageContaining("where it has type bigint; nothing was written");
            }
            try (Frame f = Frame.fromRows(List.of(Map.of("sample_uid", 2L, "score", "high",
                "metaxy_provenance_by_field", Map.of("default", "x"))))) {
                assertThatThrownBy(() -> s.write(raw.key(), f)).isInstanceOf(MetadataStoreException.class)
                    .hasMessageContaining("column 'score' of type string").hasMessageContaining("type double");
            }
            // a narrower integer still fits
            try (Frame f = Frame.fromRows(List.of(Map.of("sample_uid", 3, "metaxy_provenance_by_field", Map.of("default", "x"))))) {
                s.write(raw.key(), f);
            }
            assertThat(commits(log)).as("only the two good writes committed").isEqualTo(commits + 1);
            assertThat(s.read(raw.key()).count()).isEqualTo(2);
        }
    }

    private static long commits(Path log) throws Exception {
        try (Stream<Path> files = Files.list(log)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).count();
        }
    }
}
