package dev.metaxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real {@code bin/metaxy} launcher as a separate process (it may build the CLI first, hence the timeout). */
class LauncherTest {
    private static final long TIMEOUT_MINUTES = 10;

    record Output(int exitCode, String out, String err) {
    }

    static Path launcher() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isExecutable(p.resolve("bin/metaxy"))) {
                return p.resolve("bin/metaxy");
            }
        }
        throw new IllegalStateException("bin/metaxy not found above " + Path.of("").toAbsolutePath());
    }

    static Output run(Path workingDir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(workingDir.toFile()).start();
        CompletableFuture<String> out = read(process.getInputStream());
        CompletableFuture<String> err = read(process.getErrorStream());
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("bin/metaxy " + String.join(" ", args) + " did not finish in " + TIMEOUT_MINUTES + " minutes");
        }
        return new Output(process.exitValue(), out.get(), err.get());
    }

    private static CompletableFuture<String> read(java.io.InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void helpListAndPushThroughTheLauncher(@TempDir Path dir) throws Exception {
        TestProject.overview(dir);
        Output help = run(dir, "--help");
        assertThat(help.exitCode()).as(help.err()).isZero();
        assertThat(help.out()).contains("Usage: metaxy").contains("push").contains("graph").contains("Learn more in Metaxy docs");

        Output list = run(dir, "list", "features", "--format", "json");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(JsonOutput.mapper().readTree(list.out()).get("feature_count").asInt()).isEqualTo(4);

        Output push = run(dir, "push");
        assertThat(push.exitCode()).as(push.err()).isZero();
        assertThat(push.out()).isEqualTo("2f02765d\n");
        assertThat(push.err()).contains("✓ Recorded feature graph");
        assertThat(run(dir, "push").err()).contains("✓ Snapshot already recorded (no changes)");
    }
}
