package dev.metaxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphRenderCommandTest {
    /** The stdout Python Metaxy records for {@code metaxy graph render --format mermaid} in example-overview (unwrapped). */
    static final String OVERVIEW_MERMAID = """
        ---
        title: Feature Graph
        ---
        flowchart TB
            %% Snapshot version: 2f02765d
            %%{init: {'flowchart': {'htmlLabels': true, 'curve': 'basis'}, 'themeVariables': {'fontSize': '14px'}}}%%
                example_video["<div style="text-align:left"><b>example/video</b><br/><small><font color="#666">Project: example_overview</font></small><br/>c2ac395f<br/><font color="#999">---</font><br/>- audio (22742381)<br/>- frames (794116a9)</div>"]
                example_crop["<div style="text-align:left"><b>example/crop</b><br/><small><font color="#666">Project: example_overview</font></small><br/>34d75856<br/><font color="#999">---</font><br/>- audio (4c726c4b)<br/>- frames (2419e09d)</div>"]
                example_face_detection["<div style="text-align:left"><b>example/face_detection</b><br/><small><font color="#666">Project: example_overview</font></small><br/>f1526ee0<br/><font color="#999">---</font><br/>- faces (006efeef)</div>"]
                example_stt["<div style="text-align:left"><b>example/stt</b><br/><small><font color="#666">Project: example_overview</font></small><br/>d953dea4<br/><font color="#999">---</font><br/>- transcription (3ec3826d)</div>"]
                example_video --> example_crop
                example_crop --> example_face_detection
                example_video --> example_stt

        """;

    @Test
    void mermaidMatchesTheReferenceOverviewOutputByteForByte(@TempDir Path dir) {
        CliRun.Result r = TestProject.overview(dir).run("graph", "render", "--format", "mermaid");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(OVERVIEW_MERMAID);
        assertThat(r.err()).isEmpty();
    }

    @Test
    void graphvizListsFeaturesEdgesAndFields(@TempDir Path dir) {
        CliRun.Result r = TestProject.create(dir, "demo", TestProject.PARENT_CHILD).run("graph", "render", "-f", "graphviz");
        assertThat(r.exitCode()).as(r.err()).isZero();
        String snapshot = r.out().lines().filter(l -> l.contains("label=\"Graph")).findFirst().orElseThrow();
        assertThat(snapshot).matches("    label=\"Graph \\(snapshot: [0-9a-f]{8}\\)\";");
        assertThat(r.out()).startsWith("strict digraph {\n    rankdir=TB;\n")
            .contains("    \"examples/parent\" [label=\"examples/parent\\nv: 7de0f5e8\", shape=doubleoctagon, color=\"#00FFFF\"];\n")
            .contains("    \"examples/child\" [label=\"examples/child\\nv: b10ea448\", shape=box, color=\"#00FFFF\"];\n")
            .contains("    \"examples/parent\" -> \"examples/child\";\n")
            .contains("    \"examples/parent::embeddings\" [label=\"embeddings\\nv: 05e66510\", shape=ellipse, color=\"#5F87AF\", fontsize=10];\n")
            .contains("    \"examples/child\" -> \"examples/child::predictions\" [style=dashed, arrowhead=none];\n")
            .endsWith("}\n");
    }

    @Test
    void terminalTreeShowsFieldsAndDependencies(@TempDir Path dir) {
        CliRun.Result r = TestProject.create(dir, "demo", TestProject.PARENT_CHILD).run("graph", "render", "--hash-length", "4");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("📊 Graph (snapshot: ").contains("""
            ├── examples/parent (project: demo) (v: 7de0)
            │   └── 🔧 fields
            │       └── embeddings (v: 05e6)
            └── examples/child (project: demo) (v: b10e)
                ├── 🔧 fields
                │   └── predictions (v: 9cd1)
                └── ⬅️  depends on
                    └── examples/parent
            """);
    }

    @Test
    void cardsAndMinimalAndVerbosePresets(@TempDir Path dir) {
        TestProject p = TestProject.create(dir, "demo", TestProject.PARENT_CHILD);
        CliRun.Result cards = p.run("graph", "render", "--type", "cards", "--minimal");
        assertThat(cards.out()).startsWith("📊 Graph\n\nDependencies:\n  examples/parent → examples/child\n\nFeatures:\n╭")
            .contains("│ examples/parent │").doesNotContain("v: ");
        CliRun.Result verbose = p.run("graph", "render", "-f", "mermaid", "--verbose", "--no-show-projects");
        assertThat(verbose.out()).contains("- embeddings (05e66510" ).contains(", cv: 1)").doesNotContain("Project:");
        CliRun.Result noFields = p.run("graph", "render", "-f", "mermaid", "--no-show-fields", "--direction", "LR", "--title", "T");
        assertThat(noFields.out()).startsWith("---\ntitle: T\n---\nflowchart LR\n").doesNotContain("- embeddings");
    }

    @Test
    void focusKeepsTheRequestedLevels(@TempDir Path dir) {
        TestProject p = TestProject.overview(dir);
        CliRun.Result up = p.run("graph", "render", "-f", "mermaid", "--feature", "example/face_detection", "--up", "1");
        assertThat(up.out()).contains("example_crop[").contains("example_face_detection[").doesNotContain("example_video[")
            .contains("example_crop --> example_face_detection");
        CliRun.Result down = p.run("graph", "render", "-f", "mermaid", "--feature", "example__video", "--down", "1", "--up", "0");
        assertThat(down.out()).contains("example_video[").contains("example_crop[").contains("example_stt[")
            .doesNotContain("example_face_detection[");
    }

    @Test
    void validationErrorsGoToStderrWithExitOne(@TempDir Path dir) {
        TestProject p = TestProject.create(dir, "demo", TestProject.PARENT_CHILD);
        CliRun.Result format = p.run("graph", "render", "--format", "png");
        assertThat(format.exitCode()).isEqualTo(1);
        assertThat(format.err()).isEqualTo("Error: Invalid format 'png'. Must be one of: terminal, mermaid, graphviz\n");
        assertThat(format.out()).isEmpty();
        CliRun.Result up = p.run("graph", "render", "--up", "2");
        assertThat(up.err()).isEqualTo("Error: --up and --down require --feature to be specified\n");
        CliRun.Result type = p.run("graph", "render", "-f", "mermaid", "-t", "cards");
        assertThat(type.err()).contains("--type can only be used with --format terminal");
        CliRun.Result both = p.run("graph", "render", "--minimal", "--verbose");
        assertThat(both.exitCode()).isEqualTo(1);
        CliRun.Result unknown = p.run("graph", "render", "--feature", "nope/x");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("Error: Feature 'nope/x' not found in graph\n\nAvailable features:\n"
            + "  • examples/child\n  • examples/parent\n");
        assertThat(unknown.out()).isEmpty();
    }

    @Test
    void outputFileGetsTheTextAndStderrTheConfirmation(@TempDir Path dir) throws Exception {
        CliRun.Result r = TestProject.overview(dir).run("graph", "render", "-f", "mermaid", "-o", "graph.mmd");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("✓ Rendered graph saved to: graph.mmd\n");
        assertThat(Files.readString(dir.resolve("graph.mmd"))).isEqualTo(OVERVIEW_MERMAID.substring(0, OVERVIEW_MERMAID.length() - 1));
    }

    @Test
    void emptyGraphWarnsAndWritesAnEmptyFile(@TempDir Path dir) throws Exception {
        CliRun.Result r = TestProject.create(dir, "demo", "[]").run("graph", "render", "-o", "out.txt");
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEqualTo("Warning: Graph is empty (no features found)\n");
        assertThat(Files.readString(dir.resolve("out.txt"))).isEmpty();
    }

    @Test
    void aPushedSnapshotRendersFromTheStore(@TempDir Path dir) {
        TestProject p = TestProject.overview(dir);
        String pv = p.run("push").out().strip();
        CliRun.Result r = p.run("graph", "render", "-f", "mermaid", "--snapshot", pv);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEqualTo("✓ Loaded 4 features from snapshot 2f02765d\n");
        assertThat(r.out()).isEqualTo(OVERVIEW_MERMAID);
        CliRun.Result missing = p.run("graph", "render", "--snapshot", "deadbeef");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).startsWith("✗ Snapshot error: ").contains("deadbeef");
    }
}
