package dev.metaxy.cli.external;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.metaxy.testing.SharedFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code shared/conformance/python-external}: two Python Metaxy projects sharing a DuckDB store, with the lock files
 * and answers Python wrote. {@link #downstream} lays out, in a temporary folder, the downstream project as a JVM user
 * writes it (the same definitions as a JSON entrypoint, a {@code duckdb} store) over a copy of one stage's store (by absolute path:
 * the tests run in-process, and DuckDB resolves a relative path against the process's working directory, as Python does).
 */
final class PythonExternalProject {
    static final Path FOLDER = SharedFiles.goldenVectors().getParent().resolve("python-external");
    static final JsonNode EXPECTED = read(FOLDER.resolve("expected.json"));

    private PythonExternalProject() {
    }

    /**
     * {@code root/store.duckdb} (a copy of {@code storeFile}) and {@code root/downstream/} with metaxy.toml plus
     * {@code extraToml}, the definition file, and the lock Python wrote when {@code lockFile} is non-null.
     */
    static Path downstream(Path root, String storeFile, String lockFile, String extraToml) {
        try {
            Files.copy(FOLDER.resolve(storeFile), root.resolve("store.duckdb"), StandardCopyOption.REPLACE_EXISTING);
            Path dir = Files.createDirectories(root.resolve("downstream"));
            Files.copy(FOLDER.resolve("downstream/downstream_features.json"), dir.resolve("downstream_features.json"),
                StandardCopyOption.REPLACE_EXISTING);
            if (lockFile != null) {
                Files.copy(FOLDER.resolve(lockFile), dir.resolve("metaxy.lock"), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(dir.resolve("metaxy.toml"), """
                project = "downstream"
                entrypoints = ["downstream_features.json"]
                store = "shared"
                %s
                [[extra_features]]
                projects = ["upstream"]

                [stores.shared]
                type = "duckdb"

                [stores.shared.config]
                database = "%s"
                hash_algorithm = "md5"
                """.formatted(extraToml, root.resolve("store.duckdb").toString().replace("\\", "/")));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode stage(String name) {
        return EXPECTED.get("stages").get(name);
    }

    static String text(String relative) {
        try {
            return Files.readString(FOLDER.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
