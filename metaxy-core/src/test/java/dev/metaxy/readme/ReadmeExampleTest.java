package dev.metaxy.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metaxy.definition.DefinitionJson;
import dev.metaxy.definition.FeatureDefinition;
import dev.metaxy.definition.FeatureDep;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.FieldDep;
import dev.metaxy.definition.Lineage;
import dev.metaxy.frame.Frame;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.json.CanonicalJson;
import dev.metaxy.versioning.DefinitionVersions;
import dev.metaxy.versioning.ReferenceEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's API example, kept compiling and running. */
class ReadmeExampleTest {

    @Test
    void readmeExampleRuns(@TempDir Path dir) {
        FeatureSpec video = FeatureSpec.builder("video")
            .idColumns("sample_uid")
            .field("audio", "1")
            .field("frames", "1")
            .build();
        FeatureSpec faces = FeatureSpec.builder("video/faces")
            .idColumns("sample_uid")
            .dependsOn(video)
            .field("faces", "2", FieldDep.on(video.key(), "frames"))
            .build();
        FeatureSpec speakers = FeatureSpec.builder("audio/speakers")
            .idColumns("speaker_id")
            .dependsOn(FeatureDep.on(video.key())
                .rename("speaker", "speaker_id")
                .filter("duration > 1.5 AND language = 'en'")
                .lineage(Lineage.aggregation("speaker_id")))
            .build();

        FeatureGraph graph = FeatureGraph.of(List.of(video, faces, speakers));
        DefinitionVersions versions = graph.versions();
        assertThat(versions.featureVersion("video/faces")).hasSize(8);
        assertThat(versions.fieldVersions(faces.key())).containsOnlyKeys("faces");

        Path file = dir.resolve("features.json");
        DefinitionJson.writeFile(file, List.of(video, faces, speakers));
        List<FeatureDefinition> defs = DefinitionJson.readFile(file);
        assertThat(defs).extracting(FeatureDefinition::spec).containsExactly(video, faces, speakers);
        String canonical = CanonicalJson.write(DefinitionJson.toJson(faces));
        assertThat(canonical).startsWith("{\"deps\": [{\"feature\": \"video\"");

        ReferenceEngine engine = new ReferenceEngine(graph, HashAlgorithm.XXHASH64);
        List<Map<String, Object>> videoRows = List.of(Map.of("sample_uid", 1L,
            "metaxy_provenance_by_field", Map.of("audio", "a1", "frames", "f1"), "metaxy_provenance", "p1",
            "metaxy_data_version_by_field", Map.of("audio", "a1", "frames", "f1"), "metaxy_data_version", "p1"));
        List<Map<String, Object>> expected = engine.expected("video/faces", Map.of(video.key(), videoRows), Map.of());
        assertThat(expected).hasSize(1);
        String fieldHash = engine.hash("faces|2|video.frames|f1");
        assertThat(expected.get(0).get("metaxy_provenance_by_field")).isEqualTo(Map.of("faces", fieldHash));
        try (Frame up = Frame.fromRows(videoRows);
             Frame out = engine.expectedFrame("video/faces", Map.of(video.key(), up), Map.of())) {
            assertThat(out.value(0, "metaxy_provenance")).isEqualTo(expected.get(0).get("metaxy_provenance"));
        }
    }
}
