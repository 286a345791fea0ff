package dev.metaxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code metaxy graph-diff render}: outputs compared with Python Metaxy's on the same pushed snapshots. */
class GraphDiffCommandTest {
    private static final String V1 = "e654bdb1";
    private static final String V2 = "8a56124b";

    private static String resource(String name) {
        try (InputStream in = GraphDiffCommandTest.class.getResourceAsStream("/graph-diff/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pushes features-v1 then features-v2 of project demo; the code graph is then v2. */
    private static TestProject pushedTwice(Path dir) {
        TestProject p = TestProject.create(dir, "demo", resource("features-v1.json"));
        assertThat(p.run("push").out()).isEqualTo(V1 + "\n");
        p.write("features.json", resource("features-v2.json"));
        assertThat(p.run("push").out()).isEqualTo(V2 + "\n");
        return p;
    }

    @Test
    void terminalMermaidAndJsonMatchPythonMetaxyByteForByte(@TempDir Path dir) {
        TestProject p = pushedTwice(dir);
        CliRun.Result text = p.run("graph-diff", "render", V1, V2);
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).isEqualTo(resource("terminal.txt"));
        assertThat(text.err()).isEqualTo("Comparing " + V1 + " → " + V2 + ": 1 added, 1 removed, 1 changed\n");
        assertThat(p.run("graph-diff", "render", V1, V2, "--format", "mermaid").out()).isEqualTo(resource("mermaid.txt"));
        assertThat(p.run("graph-diff", "render", V1, V2, "-f", "json").out()).isEqualTo(resource("json.txt"));
    }

    @Test
    void latestAndCurrentNameTheLastPushAndTheCodeGraph(@TempDir Path dir) {
        TestProject p = pushedTwice(dir);
        assertThat(p.run("graph-diff", "render", V1).out()).isEqualTo(resource("terminal.txt"));
        assertThat(p.run("graph-diff", "render", V1, "latest").out()).isEqualTo(resource("terminal.txt"));
        CliRun.Result same = p.run("graph-diff", "render", "latest", "current", "-f", "json");
        assertThat(same.exitCode()).as(same.err()).isZero();
        assertThat(same.out()).contains("\"status\": \"unchanged\"").doesNotContain("\"added\"", "\"changed\"", "\"removed\"");
        assertThat(same.err()).isEqualTo("Comparing " + V2 + " → " + V2 + ": 0 added, 0 removed, 0 changed\n");
    }

    @Test
    void focusAndFieldOptionsNarrowTheOutput(@TempDir Path dir) {
        TestProject p = pushedTwice(dir);
        CliRun.Result focus = p.run("graph-diff", "render", V1, V2, "--feature", "examples__child", "--up", "1", "--down", "0");
        assertThat(focus.exitCode()).as(focus.err()).isZero();
        assertThat(focus.out()).contains("  examples/child \n", "~ examples/parent (changed)\n")
            .doesNotContain("examples/new", "examples/same", "examples/old-one");
        CliRun.Result changedOnly = p.run("graph-diff", "render", V1, V2, "--changed-fields-only");
        assertThat(changedOnly.out()).contains("    + audio (77d50365...)\n").doesNotContain("predictions", "      z (");
        CliRun.Result noFields = p.run("graph-diff", "render", V1, V2, "-f", "mermaid", "--no-show-fields");
        assertThat(noFields.out()).contains("<b>examples/parent</b><br/><font color=\"#CC0000\">ab6851</font> → "
            + "<font color=\"#00AA00\">f1bc7f</font></div>").doesNotContain("---</font>");
    }

    @Test
    void outputFileGetsTheRenderingAndStatusGoesToStderr(@TempDir Path dir) throws IOException {
        TestProject p = pushedTwice(dir);
        CliRun.Result r = p.run("graph-diff", "render", V1, V2, "-f", "mermaid", "-o", "diff.mmd");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).endsWith("Success: Diff rendered to: diff.mmd\n");
        assertThat(Files.readString(dir.resolve("diff.mmd")) + "\n").isEqualTo(resource("mermaid.txt"));
    }

    @Test
    void badInputFailsWithOneLineAndWritesNothing(@TempDir Path dir) {
        TestProject p = pushedTwice(dir);
        assertError(p.run("graph-diff", "render", V1, V2, "-f", "cards", "-o", "x.txt"),
            "Error: Invalid format 'cards'. Must be one of: terminal, mermaid, json\n");
        assertError(p.run("graph-diff", "render", V1, V2, "--up", "1", "-o", "x.txt"),
            "Error: --up and --down require --feature to be specified\n");
        assertError(p.run("graph-diff", "render", V1, V2, "-f", "json", "--changed-fields-only", "-o", "x.txt"),
            "Error: --changed-fields-only and --no-show-fields apply to the terminal and mermaid formats, not json\n");
        assertError(p.run("graph-diff", "render", "deadbeef", V2, "-o", "x.txt"),
            "Error: No features recorded for snapshot deadbeef in project demo\n");
        assertError(p.run("graph-diff", "render", V1, V2, "--feature", "nope/x", "-o", "x.txt"),
            "Error: Feature 'nope/x' not found in graph\n");
        assertError(p.run("--all-projects", "graph-diff", "render", V1, "-o", "x.txt"),
            "Error: This command requires a specific project. Cannot use --all-projects flag.\n");
        assertThat(dir.resolve("x.txt")).doesNotExist();
    }

    @Test
    void latestNeedsAPushAndAProjectIsRequired(@TempDir Path dir) throws IOException {
        TestProject p = TestProject.create(dir, "demo", resource("features-v1.json"));
        assertError(p.run("graph-diff", "render", "latest"),
            "Error: No snapshots found in store. Cannot resolve 'latest'. Run 'metaxy push' to record a snapshot.\n");
        TestProject none = TestProject.create(Files.createDirectories(dir.resolve("none")), null, resource("features-v1.json"));
        assertError(none.run("graph-diff", "render", "latest"),
            "Error: This command requires a project. Set 'project' in metaxy.toml or use --project flag.\n");
    }

    private static void assertError(CliRun.Result r, String err) {
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo(err);
        assertThat(r.out()).isEmpty();
    }
}
