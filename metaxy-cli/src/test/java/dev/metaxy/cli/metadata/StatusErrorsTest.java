package dev.metaxy.cli.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metaxy.cli.CliRun;
import dev.metaxy.cli.JsonOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code metadata status} when features fail: one stderr line per failing feature, exit 1, no stack trace. */
class StatusErrorsTest {
    /** {@code a <-> b} cycle, {@code c}'s field on an unknown field of {@code c2}, {@code d} on an unknown feature. */
    static final String BROKEN = """
        {"features": [
          {"key": "a", "id_columns": ["sample_uid"], "deps": [{"feature": "b"}], "fields": [{"key": "default"}]},
          {"key": "b", "id_columns": ["sample_uid"], "deps": [{"feature": "a"}], "fields": [{"key": "default"}]},
          {"key": "c2", "id_columns": ["sample_uid"], "fields": [{"key": "y"}]},
          {"key": "c", "id_columns": ["sample_uid"], "deps": [{"feature": "c2"}],
           "fields": [{"key": "x", "deps": [{"feature": "c2", "fields": ["nope"]}]}]},
          {"key": "d", "id_columns": ["sample_uid"], "deps": [{"feature": "ghost"}], "fields": [{"key": "default"}]},
          {"key": "e", "id_columns": ["sample_uid"], "deps": [{"feature": "d"}], "fields": [{"key": "default"}]}
        ]}
        """;

    @TempDir
    Path dir;

    private MetadataProject broken() throws IOException {
        MetadataProject p = new MetadataProject(dir);
        Files.writeString(dir.resolve("features.json"), BROKEN);
        return p;
    }

    @Test
    void brokenDefinitionsFailPerFeatureWithOneLineEach() throws IOException {
        MetadataProject p = broken();
        for (List<String> extra : List.of(List.<String>of(), List.of("--assert-in-sync"))) {
            CliRun.Result r = p.run(concat(List.of("metadata", "status", "--all-features"), extra));
            assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
            assertThat(r.err().lines().toList()).containsExactly(
                "Error: a: Dependency cycle: a -> b -> a",
                "Error: b: Dependency cycle: a -> b -> a",
                "Error: c: Feature 'c', field 'x' depends on unknown field 'nope' of 'c2' (its fields: [y])",
                "Error: d: Feature 'd' depends on unknown feature 'ghost'",
                "Error: e: Feature 'd' depends on unknown feature 'ghost'");
            assertThat(r.out()).contains("c2").doesNotContain("had errors");
            assertThat(r.out().lines().filter(l -> l.startsWith("!")).count()).isEqualTo(5);
        }
    }

    @Test
    void healthyFeatureOfABrokenGraphIsStillReported() throws IOException {
        CliRun.Result r = broken().run("metadata", "status", "c2", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode c2 = JsonOutput.mapper().readTree(r.out()).get("features").get("c2");
        assertThat(c2.get("status").asText()).isEqualTo("missing");
    }

    @Test
    void missingUpstreamTableIsAnErrorNamingFeatureAndUpstream() throws IOException {
        MetadataProject p = new MetadataProject(dir);
        CliRun.Result r = p.run("metadata", "status", "video/clean");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Error: video/clean: upstream feature 'video/raw' has no metadata in store 'dev'\n");
        CliRun.Result json = p.run("metadata", "status", "video/clean", "--format", "json");
        assertThat(json.exitCode()).isEqualTo(1);
        assertThat(json.err().lines().count()).isEqualTo(1);
        JsonNode error = JsonOutput.mapper().readTree(json.out()).get("warnings").get("errors").get(0);
        assertThat(error.get("feature").asText()).isEqualTo("video/clean");
        assertThat(error.get("error").asText()).contains("video/raw");
    }

    private static String[] concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toArray(String[]::new);
    }
}
