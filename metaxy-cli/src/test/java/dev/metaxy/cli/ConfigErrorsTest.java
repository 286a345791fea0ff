package dev.metaxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken configuration input: one clear error naming the file (and key), exit 1, nothing created. */
class ConfigErrorsTest {
    @TempDir
    Path dir;

    @Test
    void unterminatedVariableIsAnErrorNamingFileAndKey() throws Exception {
        TestProject p = TestProject.create(dir, "demo", TestProject.PARENT_CHILD);
        p.write("metaxy.toml", Files.readString(dir.resolve("metaxy.toml"))
            .replaceAll("database = \".*\"", "database = \"\\${DATA_DIR:-./x.duckdb\""));
        CliRun.Result r = p.run("metadata", "status", "--all-features");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().findFirst().orElseThrow()).isEqualTo("Error: Unterminated '${' in the value of "
            + "'stores.dev.config.database' in " + dir.resolve("metaxy.toml") + " (write ${NAME} or ${NAME:-default})");
        assertThat(r.err()).doesNotContain("\tat ");
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("metaxy.toml", "features.json");
        }
    }

    @Test
    void nonUtf8DotEnvIsOneLineNamingTheFile() throws Exception {
        TestProject p = TestProject.create(dir, "demo", TestProject.PARENT_CHILD);
        Files.write(dir.resolve(".env"), new byte[] {'A', '=', (byte) 0xff, (byte) 0xfe, '\n'});
        CliRun.Result r = p.run("list", "features");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("Error: Cannot read " + dir.resolve(".env") + ": it is not UTF-8 text\n");
    }
}
