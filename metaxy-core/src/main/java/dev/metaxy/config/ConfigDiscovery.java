package dev.metaxy.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the config file: walking from a start directory to the filesystem root, the first directory holding a
 * {@code metaxy.toml} (even an empty one) or a {@code pyproject.toml} with a non-empty {@code [tool.metaxy]} table.
 */
final class ConfigDiscovery {
    private ConfigDiscovery() {
    }

    static Optional<Path> search(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path metaxy = dir.resolve("metaxy.toml");
            if (Files.isRegularFile(metaxy)) {
                return Optional.of(metaxy);
            }
            Path pyproject = dir.resolve("pyproject.toml");
            if (Files.isRegularFile(pyproject) && TomlReader.pyprojectHasMetaxy(pyproject)) {
                return Optional.of(pyproject);
            }
        }
        return Optional.empty();
    }
}
