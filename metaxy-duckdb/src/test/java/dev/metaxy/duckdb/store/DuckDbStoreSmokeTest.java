package dev.metaxy.duckdb.store;

import static dev.metaxy.testing.StoreFixtures.FACES;
import static dev.metaxy.testing.StoreFixtures.VIDEO;
import static dev.metaxy.testing.StoreFixtures.samples;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metaxy.definition.FeatureKey;
import dev.metaxy.duckdb.DuckDbMetadataStore;
import dev.metaxy.expr.Expressions;
import dev.metaxy.frame.Frame;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.DeleteOptions;
import dev.metaxy.store.Increment;
import dev.metaxy.store.MetadataSchemaException;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.ReadOptions;
import dev.metaxy.store.ResolveOptions;
import dev.metaxy.store.StoreNotOpenException;
import dev.metaxy.versioning.ReferenceEngine;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbStoreSmokeTest {

    @Test
    void writeResolveAndReadRoundTrip(@TempDir Path dir) {
        FeatureGraph graph = FeatureGraph.of(List.of(VIDEO, FACES));
        DuckDbMetadataStore store = DuckDbMetadataStore.builder(graph).database(dir.resolve("m.duckdb"))
            .hashAlgorithm(HashAlgorithm.XXHASH64).autoCreateTables(true).build();
        try (MetadataStore s = store.open(AccessMode.WRITE); Frame sm = Frame.fromRows(samples(5, ""))) {
            try (Increment inc = s.resolveUpdate("video", ResolveOptions.defaults().samples(sm))) {
                assertThat(inc.newSamples().rowCount()).isEqualTo(5);
                s.write("video", inc.newSamples());
            }
            try (Increment inc = s.resolveUpdate("video/faces")) {
                assertThat(inc.newSamples().rowCount()).isEqualTo(5);
                ReferenceEngine ref = new ReferenceEngine(graph, HashAlgorithm.XXHASH64);
                try (Frame up = s.read("video").collect()) {
                    List<Map<String, Object>> expected = ref.expected("video/faces", Map.of(FeatureKey.of("video"), up.toRows()), Map.of());
                    Map<Object, Object> exp = new LinkedHashMap<>();
                    expected.forEach(r -> exp.put(r.get("sample_uid"), r.get("metaxy_provenance")));
                    Map<Object, Object> got = new LinkedHashMap<>();
                    inc.newSamples().toRows().forEach(r -> got.put(r.get("sample_uid"), r.get("metaxy_provenance")));
                    assertThat(got).isEqualTo(exp);
                }
                s.write("video/faces", inc.newSamples());
            }
            try (Increment inc = s.resolveUpdate("video/faces")) {
                assertThat(inc.isEmpty()).isTrue();
            }
            assertThat(s.read("video").count()).isEqualTo(5);
            assertThat(s.delete("video", Expressions.in("sample_uid", 4L, 5L), DeleteOptions.soft())).isEqualTo(2);
            assertThat(s.read("video").count()).isEqualTo(3);
            assertThat(s.read("video", ReadOptions.defaults().includeSoftDeleted()).count()).isEqualTo(5);
            try (Increment inc = s.resolveUpdate("video/faces")) {
                assertThat(inc.orphaned().rowCount()).isEqualTo(2);
            }
            assertThatThrownBy(() -> s.write("video", List.of(Map.of("sample_uid", 9L))))
                .isInstanceOf(MetadataSchemaException.class).hasMessageContaining("metaxy_provenance_by_field");
        }
        assertThatThrownBy(() -> store.read("video")).isInstanceOf(StoreNotOpenException.class).hasMessageContaining("must be opened before use");
    }
}
