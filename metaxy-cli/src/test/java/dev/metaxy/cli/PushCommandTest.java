package dev.metaxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PushCommandTest {
    @Test
    void firstPushRecordsThenRepeatsAreNoOps(@TempDir Path dir) {
        TestProject p = TestProject.overview(dir);
        CliRun.Result first = p.run("push");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).isEqualTo("2f02765d\n");
        assertThat(first.err()).isEqualTo("Recorded at: dev (duckdb, " + p.database().toString().replace("\\", "/") + ")\n"
            + "✓ Recorded feature graph\n");
        CliRun.Result second = p.run("push");
        assertThat(second.out()).isEqualTo("2f02765d\n");
        assertThat(second.err()).endsWith("✓ Snapshot already recorded (no changes)\n");
    }

    @Test
    void aDefinitionChangeRecordsANewVersion(@TempDir Path dir) {
        TestProject p = TestProject.create(dir, "demo", TestProject.PARENT_CHILD);
        String v1 = p.run("push").out();
        p.write("features.json", TestProject.PARENT_CHILD.replace("\"select\": [\"embeddings\"]", "\"select\": null"));
        CliRun.Result r = p.run("push", "--tags.git_commit", "abc123", "-t", "team=ml");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isNotEqualTo(v1).hasSize(9);
        assertThat(r.err()).contains("✓ Recorded feature graph");
        assertThat(p.run("history").err()).contains("Total snapshots: 2");
    }

    @Test
    void pushNeedsAConfiguredProjectAndWritesNothingOtherwise(@TempDir Path dir) {
        CliRun.Result r = TestProject.create(dir, null, TestProject.PARENT_CHILD).run("push");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Error: The 'project' field must be set in metaxy.toml for 'metaxy push'.\n");
        assertThat(r.out()).isEmpty();
        assertThat(Files.exists(dir.resolve("dev.duckdb"))).isFalse();
    }

    @Test
    void pushCannotOverrideTheProject(@TempDir Path dir) {
        TestProject p = TestProject.create(dir, "demo", TestProject.PARENT_CHILD);
        CliRun.Result r = p.run("--project", "other", "push");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Error: This command can only be used with the project from Metaxy configuration: demo\n");
        assertThat(p.run("--all-projects", "push").exitCode()).isEqualTo(1);
        assertThat(Files.exists(dir.resolve("dev.duckdb"))).isFalse();
    }

    @Test
    void reservedTagAndUnknownOptionsAreErrors(@TempDir Path dir) {
        TestProject p = TestProject.create(dir, "demo", TestProject.PARENT_CHILD);
        assertThat(p.run("push", "--tags.metaxy", "x").err()).contains("reserved");
        CliRun.Result unknown = p.run("push", "--nope");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("Unknown option: '--nope'");
        assertThat(Files.exists(dir.resolve("dev.duckdb"))).isFalse();
    }
}
