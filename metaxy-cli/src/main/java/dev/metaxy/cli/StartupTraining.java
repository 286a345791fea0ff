package dev.metaxy.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The run that fills the launcher's class-data sharing archive: the usual commands on a throwaway two-feature project
 * with an embedded DuckDB store, in a temporary folder, output discarded. The launcher starts it once per Java runtime
 * and distribution with {@code -XX:ArchiveClassesAtExit}, so that later starts map the classes of the configuration,
 * the graph, the CLI and the DuckDB engine instead of loading them from the jars.
 */
public final class StartupTraining {
    private static final String FEATURES = """
        {"features": [
          {"key": "video", "id_columns": ["sample_uid"],
           "fields": [{"key": "audio", "code_version": "1"}, {"key": "frames", "code_version": "1"}]},
          {"key": "video/faces", "id_columns": ["sample_uid"], "deps": [{"feature": "video"}],
           "fields": [{"key": "faces", "code_version": "1", "deps": [{"feature": "video", "fields": ["frames"]}]}]}
        ]}
        """;
    private static final String CONFIG = """
        project = "training"
        entrypoints = ["features.json"]
        auto_create_tables = true
        store = "dev"
        [stores.dev]
        type = "duckdb"
        [stores.dev.config]
        database = "%s"
        """;
    private static final String SAMPLES = """
        {"sample_uid": 1, "path": "a.mp4", "metaxy_provenance_by_field": {"audio": "a1", "frames": "f1"}}
        {"sample_uid": 2, "path": "b.mp4", "metaxy_provenance_by_field": {"audio": "a2", "frames": "f2"}}
        """;

    private StartupTraining() {
    }

    /** Runs the commands; exits 0 when every one succeeded. */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("metaxy-startup-training");
        int failed = 0;
        try {
            Files.writeString(dir.resolve("features.json"), FEATURES);
            // an absolute path: nothing may land in the folder the user started metaxy in
            Files.writeString(dir.resolve("metaxy.toml"), CONFIG.formatted(dir.resolve("dev.duckdb").toString().replace("\\", "/")));
            Files.writeString(dir.resolve("video.jsonl"), SAMPLES);
            String[][] commands = {
                {"--help"},
                {"list", "features"},
                {"list", "features", "--format", "json"},
                {"graph", "render"},
                {"push"},
                {"metadata", "write", "video", "--input", "video.jsonl"},
                {"metadata", "status", "--all-features"},
                {"metadata", "resolve", "video/faces", "--format", "jsonl", "--output", "inc"},
                {"metadata", "write", "video/faces", "--input", "inc/new.jsonl"},
                {"metadata", "status", "--all-features", "--format", "json"},
                {"metadata", "read", "video/faces"},
                {"metadata", "delete", "video", "--filter", "sample_uid = 2"},
            };
            PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
            for (String[] command : commands) {
                java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
                if (MetaxyCli.execute(command, Map.of(), dir, discard, new PrintStream(err, true, StandardCharsets.UTF_8)) != 0) {
                    failed++;
                    System.err.println("metaxy " + String.join(" ", command) + ": " + err.toString(StandardCharsets.UTF_8).strip());
                }
            }
        } finally {
            deleteTree(dir);
        }
        System.exit(failed == 0 ? 0 : 1);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
