package dev.metaxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Negative counts, limits and depths are usage errors: one line, exit 1 (as every argument error), no output. */
class NegativeOptionsTest {
    @TempDir
    Path dir;

    @Test
    void negativeLimitsAndDepthsAreRefused() {
        TestProject p = TestProject.create(dir, "demo", TestProject.PARENT_CHILD);
        List<List<String>> cases = List.of(
            List.of("history", "--limit", "-5"),
            List.of("graph", "render", "--feature", "examples/child", "--up", "-1"),
            List.of("graph", "render", "--feature", "examples/child", "--down=-2"),
            List.of("graph", "render", "--hash-length", "-3"));
        for (List<String> args : cases) {
            CliRun.Result r = p.run(args.toArray(String[]::new));
            String option = args.get(args.size() - (args.get(args.size() - 1).contains("=") ? 1 : 2)).replaceAll("=.*", "");
            assertThat(r.exitCode()).as(args.toString()).isEqualTo(1);
            assertThat(r.out()).as(args.toString()).isEmpty();
            assertThat(r.err()).as(args.toString()).startsWith("Error: Invalid value for option '" + option + "': must be 0 or more, got -");
            assertThat(r.err().strip().lines()).as(args.toString()).hasSize(1);
        }
        assertThat(p.run("history", "--limit", "x").err()).contains("'x' is not a whole number");
        assertThat(p.run("graph", "render", "--feature", "examples/child", "--up", "0").exitCode()).isZero();
    }
}
