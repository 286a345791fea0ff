package dev.metaxy.config;

import static dev.metaxy.config.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metaxy.config.fixtures.VideoFeature;
import dev.metaxy.definition.DefinitionJson;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.graph.FeatureGraph;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntrypointsTest {
    private static final String FIXTURES = "dev.metaxy.config.fixtures.";

    @TempDir
    Path root;

    private MetaxyConfig load(String toml, Map<String, String> env) {
        Path file = write(root.resolve("conf/metaxy.toml"), toml);
        return MetaxyConfig.loader().configFile(file).environment(env).load();
    }

    private static List<String> keys(FeatureGraph g) {
        return g.keys().stream().map(FeatureKey::toString).toList();
    }

    @Test
    void jsonDefinitionFileRelativeToTheConfigFile() {
        FeatureSpec a = FeatureSpec.builder("ext/a").idColumns("id").field("x", "1").build();
        FeatureSpec b = FeatureSpec.builder("ext/b").idColumns("id").dependsOn(a).field("y", "2").build();
        write(root.resolve("conf/defs/features.json"), "");
        DefinitionJson.writeFile(root.resolve("conf/defs/features.json"), List.of(a, b));
        MetaxyConfig config = load("project = \"proj\"\nhash_truncation_length = 12\nentrypoints = [\"defs/features.json\"]\n", Map.of());
        FeatureGraph graph = config.loadGraph();
        assertThat(keys(graph)).containsExactly("ext/a", "ext/b");
        assertThat(graph.spec("ext/b")).isEqualTo(b);
        assertThat(graph.truncation().length()).hasValue(12);
        assertThat(graph.definition("ext/a").project()).contains("proj");
        assertThat(graph.versions().featureVersion(FeatureKey.of("ext/b"))).hasSize(12);
    }

    @Test
    void javaClassesInAllThreeConventions() {
        MetaxyConfig config = load("project = \"proj\"\nentrypoints = [\"" + FIXTURES + "NestedFeatures\", \"" + FIXTURES + "AudioFeatures\", \"" + FIXTURES + "VideoFeature\"]\n", Map.of());
        FeatureGraph graph = config.loadGraph();
        assertThat(keys(graph)).containsExactly("nested/clean", "nested/raw", "audio", "audio/text", "image", "video");
        assertThat(graph.definition("audio").project()).contains("proj");
        assertThat(graph.definition("audio/text").project()).contains("speech");
        assertThat(graph.definition(VideoFeature.class).classPath()).contains(VideoFeature.class.getName());
        assertThat(graph.definition("video").project()).contains("proj");
        graph.validate();
    }

    @Test
    void entrypointEnvironmentVariablesLoadAfterTheConfigInNameOrder() {
        MetaxyConfig config = load("entrypoints = [\"" + FIXTURES + "NestedFeatures\"]\n",
            Map.of("METAXY_ENTRYPOINT_B", " " + FIXTURES + "VideoFeature , ", "METAXY_ENTRYPOINT", FIXTURES + "AudioFeatures",
                "METAXY_ENTRYPOINT_C", " , "));
        assertThat(keys(config.loadGraph())).containsExactly("nested/clean", "nested/raw", "audio", "audio/text", "image", "video");
    }

    @Test
    void unknownClassIsAnErrorNamingIt() {
        MetaxyConfig config = load("entrypoints = [\"com.example.Missing\"]\n", Map.of());
        assertThatThrownBy(config::loadGraph).isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("Failed to import entrypoint module 'com.example.Missing': class not found on the classpath");
    }

    @Test
    void classWithoutFeaturesIsAnError() {
        MetaxyConfig config = load("entrypoints = [\"" + FIXTURES + "NoFeatures\"]\n", Map.of());
        assertThatThrownBy(config::loadGraph).isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("Entrypoint class '" + FIXTURES + "NoFeatures' declares no features");
    }

    @Test
    void missingJsonFileAndDuplicateFeaturesAreErrors() {
        assertThatThrownBy(load("entrypoints = [\"nope.json\"]\n", Map.of())::loadGraph).isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("Entrypoint definition file does not exist: " + root.resolve("conf/nope.json").toAbsolutePath());
        MetaxyConfig twice = load("entrypoints = [\"" + FIXTURES + "VideoFeature\", \"" + FIXTURES + "VideoFeature\"]\n", Map.of());
        assertThatThrownBy(twice::loadGraph).isInstanceOf(ConfigException.class)
            .hasMessageContaining("Error loading entrypoint '" + FIXTURES + "VideoFeature'").hasMessageContaining("already registered");
    }
}
