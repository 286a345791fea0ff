package dev.metaxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DescribeCommandTest {
    @Test
    void describeGraphPrintsMetricsOnStderr(@TempDir Path dir) {
        CliRun.Result r = TestProject.create(dir, "demo", TestProject.PARENT_CHILD).run("describe", "graph");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("Describing current feature graph...\n\nGraph Snapshot: ")
            .contains(" (Project: demo)\n").contains("Total Features  2").contains("Graph Depth     2")
            .contains("Root Features   1").contains("Leaf Features   1")
            .contains("Root Features:\n  • examples/parent\n").endsWith("Leaf Features:\n  • examples/child\n");
    }

    @Test
    void describeGraphOfAnUnknownSnapshotSaysSo(@TempDir Path dir) {
        CliRun.Result r = TestProject.create(dir, "demo", TestProject.PARENT_CHILD).run("describe", "graph", "--snapshot", "abc");
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEqualTo("Describing feature graph snapshot: abc\n✗ No features found for snapshot abc\n"
            + "  (filtered by project: demo)\n");
    }

    @Test
    void oneFeatureIsOneJsonObject(@TempDir Path dir) throws Exception {
        CliRun.Result r = TestProject.create(dir, "demo", TestProject.PARENT_CHILD)
            .run("describe", "features", "examples/child", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode f = JsonOutput.mapper().readTree(r.out());
        assertThat(f.get("project").asText()).isEqualTo("demo");
        assertThat(f.get("version").asText()).isEqualTo("b10ea448");
        assertThat(f.get("description").isNull()).isTrue();
        assertThat(f.get("id_columns").toString()).isEqualTo("[\"sample_uid\"]");
        assertThat(f.get("fields").get(0).get("deps").toString())
            .isEqualTo("[{\"feature\":\"examples/parent\",\"fields\":[\"embeddings\"]}]");
        assertThat(f.get("dependencies").toString())
            .isEqualTo("[{\"feature\":\"examples/parent\",\"select\":[\"embeddings\"],\"rename\":{\"raw\":\"raw_data\"}}]");
        assertThat(f.get("metadata").toString()).isEqualTo("{\"owner\":\"ml\"}");
    }

    @Test
    void allFeaturesIsAListAndPlainBlocksAreSeparated(@TempDir Path dir) throws Exception {
        TestProject p = TestProject.create(dir, "demo", TestProject.PARENT_CHILD);
        JsonNode all = JsonOutput.mapper().readTree(p.run("describe", "features", "--all-features", "-f", "json").out());
        assertThat(all.get("features")).hasSize(2);
        CliRun.Result plain = p.run("describe", "features", "--all-features");
        assertThat(plain.out()).startsWith("examples/parent (7de0f5e8) demo\nSource: features.json\n\n  Parent feature that generates")
            .contains("\n" + "─".repeat(60) + "\n")
            .contains("Fields:\n  predictions (9cd1c608) ← examples/parent:(embeddings)\n")
            .contains("Dependencies:\n  examples/parent | select: embeddings | rename: raw → raw_data\n")
            .contains("Dependencies:\n  none (root feature)\n").endsWith("Metadata:\n  owner: ml\n");
    }

    @Test
    void selectionErrorsAreStructured(@TempDir Path dir) {
        TestProject p = TestProject.create(dir, "demo", TestProject.PARENT_CHILD);
        CliRun.Result none = p.run("describe", "features", "--format", "json");
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.out()).isEqualTo("{\"error\": \"MISSING_REQUIRED_FLAG\", \"message\": \"Must specify either "
            + "--all-features or feature arguments\", \"required_flags\": [\"--all-features\", \"<features>\"]}\n");
        CliRun.Result both = p.run("describe", "features", "examples/child", "--all-features");
        assertThat(both.exitCode()).isEqualTo(1);
        assertThat(both.err()).isEqualTo("Error: Cannot specify both --all-features and feature arguments\n");
        CliRun.Result invalid = p.run("describe", "features", "Bad Key", "-f", "json");
        assertThat(invalid.out()).startsWith("{\"error\": \"INVALID_FEATURE_KEY\", \"message\": \"Invalid feature key 'Bad Key': ")
            .endsWith("\"key\": \"Bad Key\"}\n");
        CliRun.Result missing = p.run("describe", "features", "examples/child", "nope/x", "-f", "json");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.out()).isEqualTo("{\"error\": \"FEATURES_NOT_FOUND\", \"message\": \"Feature(s) not found in graph\", "
            + "\"features\": [\"nope/x\"]}\n");
        assertThat(p.run("describe", "features", "nope/x").err()).isEqualTo("Error: Feature(s) not found in graph\n");
    }
}
