package dev.metaxy.postgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Locates {@code shared/conformance/golden-vectors.json}: the {@code metaxy.shared.dir} system property if that
 * directory exists, else a {@code shared/} directory in the working directory or an ancestor, else /work/shared.
 */
final class SharedDir {
    private static final String GOLDEN = "conformance/golden-vectors.json";

    private SharedDir() {
    }

    static Path goldenVectors() {
        List<Path> candidates = new ArrayList<>();
        String property = System.getProperty("metaxy.shared.dir");
        if (property != null && !property.isBlank() && Files.isDirectory(Paths.get(property))) {
            candidates.add(Paths.get(property));
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            candidates.add(dir.resolve("shared"));
        }
        candidates.add(Paths.get("/work/shared"));
        for (Path c : candidates) {
            if (Files.isRegularFile(c.resolve(GOLDEN))) {
                return c.resolve(GOLDEN);
            }
        }
        throw new IllegalStateException("No shared/" + GOLDEN + " found; set -Dmetaxy.shared.dir. Looked in: " + candidates);
    }
}
