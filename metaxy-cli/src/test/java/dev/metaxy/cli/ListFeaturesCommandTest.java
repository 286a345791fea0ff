package dev.metaxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListFeaturesCommandTest {
    @Test
    void jsonListsFeaturesInGraphOrderWithVersions(@TempDir Path dir) throws Exception {
        CliRun.Result r = TestProject.create(dir, "demo", TestProject.PARENT_CHILD).run("list", "features", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = JsonOutput.mapper().readTree(r.out());
        assertThat(json.get("feature_count").asInt()).isEqualTo(2);
        JsonNode parent = json.get("features").get(0);
        assertThat(parent.get("key").asText()).isEqualTo("examples/parent");
        assertThat(parent.get("version").asText()).isEqualTo("7de0f5e8");
        assertThat(parent.get("is_root").asBoolean()).isTrue();
        assertThat(parent.get("is_external").asBoolean()).isFalse();
        assertThat(parent.get("project").asText()).isEqualTo("demo");
        assertThat(parent.get("source").asText()).isEqualTo("features.json");
        assertThat(parent.get("field_count").asInt()).isEqualTo(1);
        assertThat(parent.get("fields").get(0).toString())
            .isEqualTo("{\"key\":\"embeddings\",\"code_version\":\"1\",\"version\":\"05e66510\"}");
        assertThat(json.get("features").get(1).has("deps")).isFalse();
        assertThat(r.out()).startsWith("{\n  \"feature_count\": 2,\n  \"features\": [\n");
    }

    @Test
    void verboseJsonAddsFieldLineageAndFeatureDeps(@TempDir Path dir) throws Exception {
        CliRun.Result r = TestProject.create(dir, "demo", TestProject.PARENT_CHILD).run("list", "features", "-v", "-f", "json");
        JsonNode child = JsonOutput.mapper().readTree(r.out()).get("features").get(1);
        assertThat(child.get("deps").toString()).isEqualTo("[\"examples/parent\"]");
        assertThat(child.get("fields").get(0).get("version").asText()).isEqualTo("9cd1c608");
        assertThat(child.get("fields").get(0).get("deps").toString())
            .isEqualTo("[{\"feature\":\"examples/parent\",\"fields\":[\"embeddings\"]}]");
        JsonNode parent = JsonOutput.mapper().readTree(r.out()).get("features").get(0);
        assertThat(parent.has("deps")).isFalse();
        assertThat(parent.get("fields").get(0).has("deps")).isFalse();
    }

    @Test
    void plainPrintsOneTablePerProjectAndASummary(@TempDir Path dir) {
        CliRun.Result r = TestProject.create(dir, "demo", TestProject.PARENT_CHILD).run("list", "features");
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEqualTo("demo\n");
        assertThat(r.out()).startsWith("Feature").contains("examples/parent  7de0f5e8  features.json")
            .contains("Total: 2 feature(s) (1 root, 1 dependent)");
        CliRun.Result verbose = TestProject.create(dir, "demo", TestProject.PARENT_CHILD).run("list", "features", "--verbose");
        assertThat(verbose.out()).contains("Dependencies").contains("examples/child (demo) features.json")
            .contains("predictions  __metaxy_initial__  9cd1c608").contains("examples/parent.embeddings");
    }

    @Test
    void javaFeatureClassesShowTheirClassAsSource(@TempDir Path dir) throws Exception {
        TestProject.create(dir, "demo", "[]").write("metaxy.toml", """
            project = "demo"
            entrypoints = ["dev.metaxy.cli.fixtures.VideoFeatures"]
            """);
        CliRun.Result r = new CliRun(dir).run("list", "features", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode features = JsonOutput.mapper().readTree(r.out()).get("features");
        assertThat(features.get(0).get("source").asText()).isEqualTo("dev.metaxy.cli.fixtures.VideoFeatures$Crop");
        assertThat(features.get(1).get("key").asText()).isEqualTo("video/raw");
    }

    @Test
    void anotherProjectHasNoFeatures(@TempDir Path dir) {
        CliRun.Result r = TestProject.create(dir, "demo", TestProject.PARENT_CHILD).run("--project", "other", "list", "features");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("No features found in the current project.\n");
        CliRun.Result all = TestProject.create(dir, "demo", TestProject.PARENT_CHILD).run("--all-projects", "list", "features");
        assertThat(all.out()).contains("Total: 2 feature(s)");
    }

    @Test
    void formatComesFromTheEnvironment(@TempDir Path dir) {
        CliRun.Result r = TestProject.create(dir, "demo", TestProject.PARENT_CHILD).cli()
            .env("METAXY_LIST_FEATURES_FORMAT", "json").run("list", "features");
        assertThat(r.out()).startsWith("{");
    }

    @Test
    void aBrokenDefinitionFileIsOneErrorAndNothingOnStdout(@TempDir Path dir) {
        CliRun.Result r = TestProject.create(dir, "demo", "{\"features\": [{\"key\": \"a\"}]}").run("list", "features");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("Error: ").contains("id_columns");
        assertThat(r.out()).isEmpty();
        assertThat(Files.exists(dir.resolve("dev.duckdb"))).isFalse();
    }

    @Test
    void sourceOfAJsonDefinitionIsItsPathRelativeToTheProject(@TempDir Path dir) throws Exception {
        TestProject p = TestProject.create(dir, "demo", TestProject.PARENT_CHILD);
        java.nio.file.Files.createDirectories(dir.resolve("defs"));
        p.write("defs/video.json", TestProject.PARENT_CHILD);
        p.write("metaxy.toml", java.nio.file.Files.readString(dir.resolve("metaxy.toml"))
            .replace("entrypoints = [\"features.json\"]", "entrypoints = [\"defs/video.json\"]"));
        CliRun.Result r = p.run("list", "features", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(JsonOutput.mapper().readTree(r.out()).get("features").get(1).get("source").asText()).isEqualTo("defs/video.json");
        CliRun.Result describe = p.run("describe", "features", "examples/child");
        assertThat(describe.out()).contains("Source: defs/video.json");
    }
}
