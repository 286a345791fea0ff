package dev.metaxy.spark.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.expr.Expressions;
import dev.metaxy.frame.Frame;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.spark.SparkMetadataStore;
import dev.metaxy.spark.SparkTestSession;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.DeleteOptions;
import dev.metaxy.store.Increment;
import dev.metaxy.store.ReadOptions;
import dev.metaxy.versioning.ReferenceEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark store with format iceberg: tables {@code catalog.metaxy.a__b} in an Iceberg SQLite catalog over a
 * local warehouse, as the Iceberg store lays them out. */
class SparkIcebergStoreTest {
    @TempDir
    Path warehouse;

    @Test
    void roundTripResolveAndDeletesOverIcebergTables() {
        String catalog = "ice_smoke";
        SparkSession spark = SparkTestSession.withIcebergCatalog(catalog, warehouse);
        FeatureSpec root = FeatureSpec.builder("ice/root").idColumns("sample_uid").field("a", "1").build();
        FeatureSpec child = FeatureSpec.builder("ice/child").idColumns("sample_uid").dependsOn(root).field("b", "1").build();
        FeatureGraph g = FeatureGraph.of(List.of(root, child));
        SparkMetadataStore s = SparkMetadataStore.builder(g).spark(spark).format(SparkMetadataStore.Format.ICEBERG)
            .catalog(catalog).hashAlgorithm(HashAlgorithm.XXHASH64).autoCreateTables(true).build();
        try (var w = s.open(AccessMode.WRITE)) {
            s.write(root.key(), List.of(Map.of("sample_uid", "s1", "metaxy_provenance_by_field", Map.of("a", "h1")),
                Map.of("sample_uid", "s2", "metaxy_provenance_by_field", Map.of("a", "h2")),
                Map.of("sample_uid", "s3", "metaxy_provenance_by_field", Map.of("a", "h3"))));
            assertThat(s.hasFeature(root.key())).isTrue();
            assertThat(s.tableUri(root.key())).isEqualTo(catalog + ".metaxy.ice__root");
            assertThat(warehouse.resolve("metaxy/ice__root/metadata")).isDirectory();
            assertThat(warehouse.resolve("catalog.db")).isRegularFile();
            try (Increment inc = s.resolveUpdate(child.key())) {
                List<Map<String, Object>> expected;
                try (Frame up = s.read(root.key()).collect()) {
                    expected = new ReferenceEngine(g, HashAlgorithm.XXHASH64).expected(child.key(), Map.of(root.key(), up.toRows()), Map.of());
                }
                assertThat(inc.newSamples().rowCount()).isEqualTo(3);
                assertThat(inc.newSamples().toRows()).extracting(r -> r.get("metaxy_provenance"))
                    .containsExactlyInAnyOrderElementsOf(expected.stream().map(r -> r.get("metaxy_provenance")).toList());
                s.write(child.key(), inc.newSamples());
            }
            try (Increment inc = s.resolveUpdate(child.key())) {
                assertThat(inc.isEmpty()).isTrue();
            }
            assertThat(s.delete(root.key(), Expressions.equal("sample_uid", "s1"), DeleteOptions.soft())).isEqualTo(1);
            assertThat(s.read(root.key()).count()).isEqualTo(2);
            assertThat(s.delete(root.key(), Expressions.equal("sample_uid", "s2"), DeleteOptions.hard())).isEqualTo(1);
            assertThat(s.read(root.key(), ReadOptions.defaults().withSampleHistory().includeSoftDeleted()).count()).isEqualTo(3);
            try (Increment inc = s.resolveUpdate(child.key())) {
                assertThat(inc.orphaned().rowCount()).isEqualTo(2);
            }
            s.dropFeatureMetadata(child.key());
            assertThat(s.hasFeature(child.key())).isFalse();
        }
    }
}
