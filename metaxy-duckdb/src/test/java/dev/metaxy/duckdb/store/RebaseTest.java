package dev.metaxy.duckdb.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metaxy.definition.FeatureKey;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.duckdb.DuckDbMetadataStore;
import dev.metaxy.frame.Frame;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.Increment;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.ReadOptions;
import dev.metaxy.store.ResolveOptions;
import dev.metaxy.store.WriteOptions;
import dev.metaxy.versioning.ReferenceEngine;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RebaseTest {
    static final FeatureSpec VIDEO = FeatureSpec.builder("video").idColumns("sample_uid").field("audio", "1").field("frames", "1").build();

    static FeatureSpec crop(String codeVersion) {
        return FeatureSpec.builder("crop").idColumns("sample_uid").dependsOn(VIDEO).field("default", codeVersion).build();
    }

    static DuckDbMetadataStore store(Path db, FeatureSpec crop) {
        return DuckDbMetadataStore.builder(FeatureGraph.of(List.of(VIDEO, crop))).database(db)
            .hashAlgorithm(HashAlgorithm.MD5).autoCreateTables(true).build();
    }

    @Test
    void rebaseCarriesRowsToTheNewVersionWithRecomputedProvenance(@TempDir Path dir) {
        Path db = dir.resolve("r.duckdb");
        String oldVersion;
        try (MetadataStore s = store(db, crop("1")).open(AccessMode.WRITE)) {
            try (Frame samples = Frame.fromRows(List.of(
                    Map.of("sample_uid", 1L, "metaxy_provenance_by_field", Map.of("audio", "a1", "frames", "f1")),
                    Map.of("sample_uid", 2L, "metaxy_provenance_by_field", Map.of("audio", "a2", "frames", "f2"))));
                 Increment inc = s.resolveUpdate("video", ResolveOptions.defaults().samples(samples))) {
                s.write("video", inc.newSamples());
            }
            try (Increment inc = s.resolveUpdate("crop")) {
                s.write("crop", inc.newSamples());
            }
            oldVersion = s.graph().versions().featureVersion("crop");
        }
        DuckDbMetadataStore v2 = store(db, crop("2"));
        try (MetadataStore s = v2.open(AccessMode.WRITE)) {
            assertThat(s.graph().versions().featureVersion("crop")).isNotEqualTo(oldVersion);
            try (Increment before = s.resolveUpdate("crop")) {
                assertThat(before.newSamples().rowCount()).as("a code version change makes every sample new").isEqualTo(2);
            }
            try (Frame old = s.read("crop", ReadOptions.defaults().withFeatureHistory().featureVersion(oldVersion)).collect();
                 Frame rebased = s.rebase("crop", old, null).collect()) {
                assertThat(rebased.rowCount()).isEqualTo(2);
                ReferenceEngine ref = new ReferenceEngine(s.graph(), HashAlgorithm.MD5);
                Map<Object, Object> expected = new HashMap<>();
                try (Frame up = s.read("video").collect()) {
                    ref.expected("crop", Map.of(FeatureKey.of("video"), up.toRows()), Map.of())
                        .forEach(r -> expected.put(r.get("sample_uid"), r.get("metaxy_provenance")));
                }
                for (Map<String, Object> r : rebased.toRows()) {
                    assertThat(r.get("metaxy_provenance")).isEqualTo(expected.get(r.get("sample_uid")));
                    assertThat(r.get("metaxy_feature_version")).isEqualTo(s.graph().versions().featureVersion("crop"));
                    assertThat(r.get("metaxy_data_version")).as("default data versions are nulled for the write to refill").isNull();
                }
                s.write("crop", rebased, WriteOptions.defaults().preservingFeatureVersion());
            }
            try (Increment after = s.resolveUpdate("crop")) {
                assertThat(after.isEmpty()).isTrue();
            }
            try (Frame now = s.read("crop").collect()) {
                now.toRows().forEach(r -> assertThat(r.get("metaxy_data_version")).isEqualTo(r.get("metaxy_provenance")));
            }
        }
    }

    @Test
    void rebasingARootFeatureOrToAnUnknownVersionIsAnError(@TempDir Path dir) {
        try (MetadataStore s = store(dir.resolve("e.duckdb"), crop("1")).open(AccessMode.WRITE);
             Frame empty = Frame.fromRows(List.of(Map.of("sample_uid", 1L)))) {
            assertThatThrownBy(() -> s.rebase("video", empty, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Cannot rebase root feature video");
            assertThatThrownBy(() -> s.rebase("crop", empty, "deadbeef")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Feature version 'deadbeef' for 'crop' not found in system storage");
        }
    }
}
