package dev.metaxy.postgres.store;

import static dev.metaxy.testing.StoreFixtures.FACES;
import static dev.metaxy.testing.StoreFixtures.VIDEO;
import static dev.metaxy.testing.StoreFixtures.samples;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metaxy.definition.FeatureKey;
import dev.metaxy.expr.Expressions;
import dev.metaxy.frame.Frame;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.postgres.PostgresMetadataStore;
import dev.metaxy.postgres.PostgresServer;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.DeleteOptions;
import dev.metaxy.store.Increment;
import dev.metaxy.store.MetadataSchemaException;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.ReadOptions;
import dev.metaxy.store.ResolveOptions;
import dev.metaxy.store.StoreNotOpenException;
import dev.metaxy.versioning.ReferenceEngine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PostgresStoreSmokeTest {
    private static String url;

    @BeforeAll
    static void database() {
        url = PostgresServer.get().freshDatabase("smoke");
    }

    @ParameterizedTest
    @EnumSource(value = HashAlgorithm.class, names = {"XXHASH64", "XXHASH32", "MD5", "SHA256"})
    void writeResolveAndReadRoundTrip(HashAlgorithm algorithm) {
        FeatureGraph graph = FeatureGraph.of(List.of(VIDEO, FACES));
        PostgresMetadataStore store = PostgresMetadataStore.builder(graph).url(url).schema("smoke_" + algorithm.configName())
            .hashAlgorithm(algorithm).autoCreateTables(true).build();
        try (MetadataStore s = store.open(AccessMode.WRITE); Frame sm = Frame.fromRows(samples(5, ""))) {
            try (Increment inc = s.resolveUpdate("video", ResolveOptions.defaults().samples(sm))) {
                assertThat(inc.newSamples().rowCount()).isEqualTo(5);
                s.write("video", inc.newSamples());
            }
            try (Increment inc = s.resolveUpdate("video/faces")) {
                assertThat(inc.newSamples().rowCount()).isEqualTo(5);
                assertThat(inc.newSamples().schema().findField("metaxy_provenance_by_field").getType()).isInstanceOf(ArrowType.Struct.class);
                ReferenceEngine ref = new ReferenceEngine(graph, algorithm);
                try (Frame up = s.read("video").collect()) {
                    List<Map<String, Object>> expected = ref.expected("video/faces", Map.of(FeatureKey.of("video"), up.toRows()), Map.of());
                    Map<Object, Object> exp = new LinkedHashMap<>();
                    expected.forEach(r -> exp.put(r.get("sample_uid"), List.of(r.get("metaxy_provenance"), r.get("metaxy_provenance_by_field"))));
                    Map<Object, Object> got = new LinkedHashMap<>();
                    inc.newSamples().toRows().forEach(r -> got.put(r.get("sample_uid"), List.of(r.get("metaxy_provenance"), r.get("metaxy_provenance_by_field"))));
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
            try (Frame changed = Frame.fromRows(samples(3, "x"))) {
                s.write("video", changed);
            }
            try (Increment inc = s.resolveUpdate("video/faces")) {
                // only audio changed: faces depends on frames alone
                assertThat(inc.stale().rowCount()).isZero();
            }
            assertThat(s.delete("video", Expressions.parse("sample_uid = 1"), DeleteOptions.hard().withFeatureHistory())).isEqualTo(2);
            assertThat(s.read("video").count()).isEqualTo(2);
            assertThatThrownBy(() -> s.write("video", List.of(Map.of("sample_uid", 9L))))
                .isInstanceOf(MetadataSchemaException.class).hasMessageContaining("metaxy_provenance_by_field");
        }
        assertThatThrownBy(() -> store.read("video")).isInstanceOf(StoreNotOpenException.class).hasMessageContaining("must be opened before use");
    }
}
