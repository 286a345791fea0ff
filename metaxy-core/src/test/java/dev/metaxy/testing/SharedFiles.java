package dev.metaxy.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Locates the project's {@code shared/} directory (spec and golden vectors), which CI places beside the checkout.
 * Tried in order: the {@code metaxy.shared.dir} system property, the {@code METAXY_SHARED_DIR} environment variable,
 * a {@code shared/} directory beside the working directory or any of its ancestors, and {@code /work/shared}.
 */
public final class SharedFiles {
    private static final String GOLDEN_VECTORS = "conformance/golden-vectors.json";

    private SharedFiles() {}

    /** The {@code shared/} directory that holds {@code conformance/golden-vectors.json}. */
    public static Path sharedDir() {
        List<Path> candidates = new ArrayList<>();
        String property = System.getProperty("metaxy.shared.dir");
        if (property != null && !property.isBlank()) {
            candidates.add(Paths.get(property));
        }
        String env = System.getenv("METAXY_SHARED_DIR");
        if (env != null && !env.isBlank()) {
            candidates.add(Paths.get(env));
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            candidates.add(dir.resolve("shared"));
        }
        candidates.add(Paths.get("/work/shared"));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate.resolve(GOLDEN_VECTORS))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("No shared/" + GOLDEN_VECTORS + " found; set -Dmetaxy.shared.dir or "
                + "METAXY_SHARED_DIR. Looked in: " + candidates);
    }

    /** The golden vectors file, {@code shared/conformance/golden-vectors.json}. */
    public static Path goldenVectors() {
        return sharedDir().resolve(GOLDEN_VECTORS);
    }
}
