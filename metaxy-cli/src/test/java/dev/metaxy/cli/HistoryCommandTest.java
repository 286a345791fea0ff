package dev.metaxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCommandTest {
    @Test
    void emptyStoreHasNoSnapshots(@TempDir Path dir) {
        CliRun.Result r = TestProject.overview(dir).run("history");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEqualTo("No graph snapshots recorded yet\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void pushedVersionsAreListedNewestFirst(@TempDir Path dir) {
        TestProject p = TestProject.create(dir, "demo", TestProject.PARENT_CHILD);
        String v1 = p.run("push").out().strip();
        p.write("features.json", TestProject.PARENT_CHILD.replace("\"code_version\": \"1\"", "\"code_version\": \"2\""));
        String v2 = p.run("push").out().strip();
        CliRun.Result r = p.run("history");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("Graph Snapshot History\nProject version  Recorded At          Feature Count\n")
            .endsWith("\nTotal snapshots: 2\n");
        assertThat(r.err().indexOf(v2)).isLessThan(r.err().indexOf(v1));
        assertThat(r.err()).containsPattern(v2 + " +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d +2\\n");
        CliRun.Result limited = p.run("history", "--limit", "1");
        assertThat(limited.err()).contains(v2).doesNotContain(v1).contains("Total snapshots: 1");
    }
}
