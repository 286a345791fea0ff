package dev.metaxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metaxy.definition.DefinitionJson;
import dev.metaxy.definition.FeatureDefinition;
import dev.metaxy.definition.FeatureKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON feature definition file shown in README.md loads verbatim, through the library and the CLI. */
class ReadmeDefinitionExampleTest {
    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);

    static String example() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher m = JSON_BLOCK.matcher(readme);
        while (m.find()) {
            if (m.group(1).contains("\"features\"")) {
                return m.group(1);
            }
        }
        throw new AssertionError("README.md has no ```json block with a definition file");
    }

    @Test
    void readmeExampleLoadsAsTwoDefinitions() throws Exception {
        List<FeatureDefinition> defs = DefinitionJson.readDefinitions(JsonOutput.mapper().readTree(example()));
        assertThat(defs).extracting(d -> d.key().toString()).containsExactly("video/raw", "video/transcript");
        FeatureDefinition transcript = defs.get(1);
        assertThat(transcript.project()).contains("my_project");
        assertThat(transcript.classPath()).contains("my_project.features.Transcript");
        assertThat(transcript.spec().deps()).extracting(d -> d.feature()).containsExactly(FeatureKey.of("video/raw"));
        assertThat(transcript.spec().fields()).singleElement().satisfies(f -> {
            assertThat(f.codeVersion()).isEqualTo("2");
            assertThat(f.deps()).singleElement().satisfies(d -> assertThat(d.fields().orElseThrow())
                .extracting(Object::toString).containsExactly("audio"));
        });
        assertThat(defs.get(0).spec().isRoot()).isTrue();
    }

    @Test
    void readmeExampleIsListedByTheCli(@TempDir Path dir) throws Exception {
        TestProject p = TestProject.create(dir, "my_project", example());
        CliRun.Result r = p.run("list", "features", "--format", "json", "--verbose");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode features = JsonOutput.mapper().readTree(r.out()).get("features");
        assertThat(features).hasSize(2);
        assertThat(features.get(1).get("key").asText()).isEqualTo("video/transcript");
        assertThat(features.get(1).get("fields").get(0).get("deps").get(0).get("fields").get(0).asText()).isEqualTo("audio");
        assertThat(features.get(0).get("is_root").asBoolean()).isTrue();
    }
}
