package dev.metaxy.spark.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.frame.Frame;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.spark.SparkMetadataStore;
import dev.metaxy.spark.SparkTestSession;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.Increment;
import dev.metaxy.store.ResolveOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkStoreSmokeTest {
    @TempDir
    Path dir;

    @Test
    void writeReadResolve() {
        FeatureSpec root = FeatureSpec.builder("smoke/root").idColumns("sample_uid").build();
        FeatureSpec child = FeatureSpec.builder("smoke/child").idColumns("sample_uid").dependsOn(root).build();
        FeatureGraph g = FeatureGraph.of(List.of(root, child));
        SparkMetadataStore s = SparkMetadataStore.builder(g).spark(SparkTestSession.get()).rootPath(dir)
            .hashAlgorithm(HashAlgorithm.XXHASH64).autoCreateTables(true).build();
        long t0 = System.nanoTime();
        try (var w = s.open(AccessMode.WRITE)) {
            log("open", t0);
            try (Frame f = Frame.fromRows(List.of(Map.of("sample_uid", "a", "metaxy_provenance_by_field", Map.of("default", "h1"))))) {
                s.write(root.key(), f);
            }
            log("write", t0);
            assertThat(s.read(root.key()).count()).isEqualTo(1);
            log("read", t0);
            try (Increment inc = s.resolveUpdate(child.key())) {
                log("resolve", t0);
                assertThat(inc.newSamples().rowCount()).isEqualTo(1);
                s.write(child.key(), inc.newSamples());
                log("write child", t0);
            }
            try (Increment inc = s.resolveUpdate(child.key())) {
                log("resolve2", t0);
                assertThat(inc.isEmpty()).isTrue();
            }
        }
    }

    private static void log(String what, long t0) {
        System.out.printf("SMOKE %-12s %6d ms%n", what, (System.nanoTime() - t0) / 1_000_000);
    }
}
