package dev.metaxy.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A temporary Metaxy project for CLI tests: a metaxy.toml with a DuckDB store and a JSON definition file. */
public final class TestProject {
    /** {@code examples/parent} (field embeddings, code "1") and {@code examples/child} (depends on parent). */
    public static final String PARENT_CHILD = """
        {"features": [
          {"key": "examples/parent", "id_columns": ["sample_uid"],
           "fields": [{"key": "embeddings", "code_version": "1"}],
           "description": "Parent feature that generates embeddings from raw data."},
          {"key": "examples/child", "id_columns": ["sample_uid"],
           "deps": [{"feature": "examples/parent", "select": ["embeddings"], "rename": {"raw": "raw_data"}}],
           "fields": [{"key": "predictions"}], "metadata": {"owner": "ml"}}
        ]}
        """;

    private final Path dir;

    private TestProject(Path dir) {
        this.dir = dir;
    }

    /** The DuckDB database file of the {@code dev} store (absent until something is written). */
    public Path database() {
        return dir.resolve("dev.duckdb");
    }

    /** A project named {@code project} (null: none) whose features come from {@code featuresJson}. */
    public static TestProject create(Path dir, String project, String featuresJson) {
        TestProject p = new TestProject(dir);
        p.write("features.json", featuresJson);
        p.write("metaxy.toml", (project == null ? "" : "project = \"" + project + "\"\n") + """
            entrypoints = ["features.json"]
            store = "dev"

            [stores.dev]
            type = "duckdb"
            [stores.dev.config]
            database = "%s"
            """.formatted(dir.resolve("dev.duckdb").toString().replace("\\", "/")));
        return p;
    }

    /** The example-overview project with the recorded definitions (specs and schemas) of Python Metaxy's example. */
    public static TestProject overview(Path dir) {
        try (InputStream in = TestProject.class.getResourceAsStream("/example-overview/features.json")) {
            return create(dir, "example_overview", new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestProject write(String name, String text) {
        try {
            Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public Path dir() {
        return dir;
    }

    public CliRun cli() {
        return new CliRun(dir);
    }

    public CliRun.Result run(String... args) {
        return cli().run(args);
    }
}
