package dev.metaxy.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metaxy.graph.FeatureGraph;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Definition files exactly as Python Metaxy's own serialisation writes them ({@code model_dump_json()} and
 * {@code model_dump(mode="json")}, whose {@code feature_schema} is a JSON string) load unchanged and give Python's
 * feature and definition versions.
 */
class PythonDefinitionFormsTest {
    private static String resource(String name) throws IOException {
        try (InputStream in = PythonDefinitionFormsTest.class.getResourceAsStream("/python-definitions/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<FeatureDefinition> read(String text) throws IOException {
        return DefinitionJson.readDefinitions(DefinitionJson.mapper().readTree(text));
    }

    private static void hasPythonVersions(List<FeatureDefinition> defs) throws IOException {
        JsonNode expected = DefinitionJson.mapper().readTree(resource("expected.json"));
        FeatureGraph graph = new FeatureGraph();
        defs.forEach(graph::register);
        assertThat(defs).hasSize(2);
        for (String key : List.of("video", "video/faces")) {
            assertThat(graph.versions().featureVersion(key)).as(key).isEqualTo(expected.get(key).get("feature_version").asText());
            assertThat(graph.versions().definitionVersion(key)).as(key)
                .isEqualTo(expected.get(key).get("feature_definition_version").asText());
        }
        assertThat(defs.get(0).schema().isObject()).isTrue();
        assertThat(defs.get(0).schema().get("properties").has("metaxy_provenance_by_field")).isTrue();
    }

    @Test
    void modelDumpJsonLinesLoadAsTheyAre() throws IOException {
        String[] lines = resource("model_dump_json.txt").strip().split("\n");
        String file = "{\"features\": [" + String.join(",\n", lines) + "]}";
        hasPythonVersions(DefinitionJson.readDefinitions(DefinitionJson.mapper().readTree(file)));
    }

    @Test
    void modelDumpLoadsAsItIs() throws IOException {
        hasPythonVersions(DefinitionJson.readDefinitions(DefinitionJson.mapper().readTree(resource("model_dump.json"))));
    }

    @Test
    void aSchemaStringThatIsNotJsonOrNotAnObjectIsOneClearError() {
        String spec = "{\"key\": \"v\", \"id_columns\": [\"id\"], \"fields\": [{\"key\": \"default\"}]}";
        assertThatThrownBy(() -> read("{\"features\": [{\"spec\": " + spec + ", \"feature_schema\": \"{oops\"}]}"))
            .isInstanceOf(MetaxyDefinitionException.class).hasMessageStartingWith("features[0].feature_schema: a string that is not JSON");
        assertThatThrownBy(() -> read("{\"features\": [{\"spec\": " + spec + ", \"feature_schema\": \"[1]\"}]}"))
            .isInstanceOf(MetaxyDefinitionException.class).hasMessage("features[0].feature_schema: expected an object, got array [1]");
    }
}
