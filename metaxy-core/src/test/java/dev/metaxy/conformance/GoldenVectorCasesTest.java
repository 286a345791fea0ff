package dev.metaxy.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metaxy.definition.DefinitionJson;
import dev.metaxy.definition.FeatureDefinition;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.FieldKey;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.json.CanonicalJson;
import dev.metaxy.testing.GoldenCases;
import dev.metaxy.testing.Rows;
import dev.metaxy.versioning.DefinitionVersions;
import dev.metaxy.versioning.ReferenceEngine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of {@code golden-vectors.json} (definition, sample, definition+project version, root provenance),
 * each reported as its own test. Expected values are read from the file, never copied into code.
 */
class GoldenVectorCasesTest {

    @TestFactory
    Stream<DynamicTest> definitionCases() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : GoldenCases.vectors().get("cases")) {
            if (c.get("kind").asText().equals("definition")) {
                tests.add(DynamicTest.dynamicTest(c.get("id").asText(), () -> checkDefinitionCase(c)));
            }
        }
        assertThat(tests).hasSize(81);
        return tests.stream();
    }

    private static void checkDefinitionCase(JsonNode c) {
        FeatureGraph graph = new FeatureGraph(GoldenCases.truncation(c));
        JsonNode overrides = c.get("external_provenance_overrides");
        for (JsonNode specJson : c.get("features")) {
            FeatureSpec spec = DefinitionJson.readSpec(specJson);
            assertThat(CanonicalJson.write(DefinitionJson.toJson(spec)))
                .as("canonical JSON round trip of %s", spec.key())
                .isEqualTo(CanonicalJson.write(specJson));
            JsonNode ov = overrides == null || overrides.isNull() ? null : overrides.get(spec.key().toString());
            if (ov != null) {
                Map<FieldKey, String> map = new LinkedHashMap<>();
                ov.fields().forEachRemaining(e -> map.put(FieldKey.of(e.getKey()), e.getValue().asText()));
                graph.register(FeatureDefinition.external(spec, null, map));
            } else {
                graph.register(spec);
            }
        }
        DefinitionVersions v = graph.versions();
        c.get("expected").fields().forEachRemaining(e -> {
            String key = e.getKey();
            JsonNode exp = e.getValue();
            Map<String, String> expectedFields = new TreeMap<>();
            exp.get("field_versions").fields().forEachRemaining(f -> expectedFields.put(f.getKey(), f.getValue().asText()));
            assertThat(new TreeMap<>(v.fieldVersions(key))).as("field versions of %s", key).isEqualTo(expectedFields);
            assertThat(v.featureVersion(key)).as("feature version of %s", key).isEqualTo(exp.get("feature_version").asText());
            assertThat(v.featureCodeVersion(key)).as("code version of %s", key).isEqualTo(exp.get("feature_code_version").asText());
            assertThat(v.featureSpecVersion(key)).as("spec version of %s", key).isEqualTo(exp.get("feature_spec_version").asText());
        });
    }

    @TestFactory
    Stream<DynamicTest> definitionAndProjectVersionCases() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : GoldenCases.vectors().get("cases")) {
            if (c.get("kind").asText().equals("definition_and_project_version")) {
                tests.add(DynamicTest.dynamicTest(c.get("id").asText(), () -> checkProjectCase(c)));
            }
        }
        assertThat(tests).hasSize(20);
        return tests.stream();
    }

    private static void checkProjectCase(JsonNode c) {
        FeatureGraph graph = new FeatureGraph(GoldenCases.truncation(c));
        for (JsonNode f : c.get("features")) {
            FeatureSpec spec = DefinitionJson.readSpec(f.get("spec"));
            assertThat(CanonicalJson.write(DefinitionJson.toJson(spec))).isEqualTo(CanonicalJson.write(f.get("spec")));
            graph.register(FeatureDefinition.of(spec, f.get("schema"), f.get("class_path").asText(), f.get("project").asText()));
        }
        DefinitionVersions v = graph.versions();
        c.get("expected").get("features").fields().forEachRemaining(e -> {
            String key = e.getKey();
            assertThat(v.featureSpecVersion(key)).as("spec version of %s", key).isEqualTo(e.getValue().get("feature_spec_version").asText());
            assertThat(v.definitionVersion(key)).as("definition version of %s", key).isEqualTo(e.getValue().get("definition_version").asText());
            assertThat(v.featureVersion(key)).as("feature version of %s", key).isEqualTo(e.getValue().get("feature_version").asText());
        });
        c.get("expected").get("project_versions").fields().forEachRemaining(e ->
            assertThat(v.projectVersion(e.getKey())).as("project version of %s", e.getKey()).isEqualTo(e.getValue().asText()));
    }

    @TestFactory
    Stream<DynamicTest> sampleCases() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : GoldenCases.sampleCases()) {
            tests.add(DynamicTest.dynamicTest(c.get("id").asText(), () -> checkSampleCase(c)));
        }
        assertThat(tests).hasSize(43);
        return tests.stream();
    }

    private static void checkSampleCase(JsonNode c) {
        FeatureGraph graph = GoldenCases.graph(c);
        Map<FeatureKey, List<Map<String, Object>>> upstream = new HashMap<>();
        c.get("upstream").fields().forEachRemaining(e -> upstream.put(FeatureKey.of(e.getKey()), GoldenCases.rows(e.getValue())));
        ReferenceEngine engine = new ReferenceEngine(graph, GoldenCases.algorithm(c));
        List<Map<String, Object>> got = engine.expected(c.get("target_feature").asText(), upstream, GoldenCases.runtimeFilters(c));
        List<Map<String, Object>> expected = GoldenCases.rows(c.get("expected_rows"));
        List<String> compared = GoldenCases.comparedColumns(expected);
        assertThat(Rows.canonical(got, compared)).containsExactlyInAnyOrderElementsOf(Rows.canonical(expected, compared));
    }

    @TestFactory
    Stream<DynamicTest> rootProvenanceCases() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : GoldenCases.vectors().get("root_provenance_cases")) {
            tests.add(DynamicTest.dynamicTest(c.get("id").asText(), () -> {
                FeatureGraph graph = GoldenCases.graph(c);
                ReferenceEngine engine = new ReferenceEngine(graph, HashAlgorithm.fromName(c.get("algorithm").asText()));
                List<Map<String, Object>> done = engine.rootSamples(c.get("target_feature").asText(), GoldenCases.rows(c.get("samples")));
                List<String> got = new ArrayList<>();
                done.forEach(r -> got.add((String) r.get("metaxy_provenance")));
                List<String> expected = new ArrayList<>();
                c.get("expected_metaxy_provenance").forEach(n -> expected.add(n.isNull() ? null : n.asText()));
                assertThat(got).isEqualTo(expected);
            }));
        }
        assertThat(tests).hasSize(13);
        return tests.stream();
    }
}
