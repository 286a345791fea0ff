package dev.metaxy.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Loads a {@link MetaxyConfig} step by step (Python's {@code MetaxyConfig.load}): choose the file
 * ({@code METAXY_CONFIG} beats an explicit file, which beats discovery from the start directory), read it, resolve
 * {@code extend}, expand {@code ${VAR}}s, apply {@code METAXY_*} variables, then explicit overrides, and validate.
 * The environment is a plain map so callers (and tests) decide what it holds; {@link #load()} does not touch the
 * global configuration.
 */
public final class ConfigLoader {
    private Path configFile;
    private boolean searchParents = true;
    private Path startDirectory;
    private Map<String, String> environment = System.getenv();
    private Map<String, Object> overrides = Map.of();

    ConfigLoader() {
    }

    /** An explicit config file (the CLI's {@code --config-file}); {@code METAXY_CONFIG} still takes precedence. */
    public ConfigLoader configFile(Path file) {
        this.configFile = file;
        return this;
    }

    /** Whether to search the start directory and its parents when no file is given (default true). */
    public ConfigLoader searchParents(boolean search) {
        this.searchParents = search;
        return this;
    }

    /** Where discovery starts, and what relative paths in {@code METAXY_CONFIG} resolve against (default: CWD). */
    public ConfigLoader startDirectory(Path dir) {
        this.startDirectory = dir;
        return this;
    }

    /** The environment used for discovery, expansion, overrides and entrypoint variables (default: the process's). */
    public ConfigLoader environment(Map<String, String> env) {
        this.environment = Map.copyOf(Objects.requireNonNull(env, "env"));
        return this;
    }

    /** Values that beat both the file and the environment, as a nested table ({@code Map.of("project", "x")}). */
    public ConfigLoader overrides(Map<String, Object> values) {
        this.overrides = Map.copyOf(values);
        return this;
    }

    public MetaxyConfig load() {
        Path start = startDirectory == null ? Path.of("").toAbsolutePath() : startDirectory.toAbsolutePath();
        Path file = configFile;
        String fromEnv = environment.get("METAXY_CONFIG");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            file = Path.of(fromEnv);
        } else if (file == null && searchParents) {
            file = ConfigDiscovery.search(start).orElse(null);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        Path baseDir = start;
        if (file != null) {
            file = start.resolve(file).toAbsolutePath().normalize();
            if (!Files.exists(file)) {
                throw new ConfigException("Config file does not exist: " + file, file);
            }
            baseDir = file.getParent();
            data = ConfigInheritance.resolve(TomlReader.readConfig(file), file, baseDir);
        }
        return build(data, file, baseDir, environment, overrides);
    }

    /** Parses an in-memory document; {@code extend} and relative paths resolve against {@code baseDir}. */
    static MetaxyConfig fromToml(String toml, Path baseDir, Map<String, String> env) {
        Path dir = baseDir.toAbsolutePath().normalize();
        Map<String, Object> data = ConfigInheritance.resolve(TomlReader.parse(toml, null, null), null, dir);
        return build(data, null, dir, Map.copyOf(env), Map.of());
    }

    private static MetaxyConfig build(Map<String, Object> fileData, Path file, Path baseDir, Map<String, String> env,
                                      Map<String, Object> overrides) {
        Map<String, Object> data = VariableExpansion.expand(fileData, env);
        data = EnvOverrides.deepMerge(data, EnvOverrides.from(env));
        data = EnvOverrides.deepMerge(data, overrides);
        return new MetaxyConfig(ConfigParser.parse(data, file), file, baseDir, env);
    }
}
