package dev.metaxy.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The options of one store with typed accessors. Values from environment variables arrive as strings and are coerced
 * ({@code "true"} to a boolean, a JSON array to a list); a value of the wrong type is a {@link ConfigException}
 * naming {@code stores.<name>.config.<key>} and the config file.
 */
public final class StoreOptions {
    private final Map<String, Object> values;
    private final String prefix;
    private final Path file;

    StoreOptions(Map<String, Object> values, String storeName, Path file) {
        this.values = values;
        this.prefix = "stores." + storeName + ".config.";
        this.file = file;
    }

    /** The option names present. */
    public Set<String> names() {
        return values.keySet();
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public Optional<String> string(String key) {
        return Optional.ofNullable(values.get(key)).map(v -> Coerce.string(v, prefix + key, file));
    }

    /** The string option {@code key}, or an error when it is missing. */
    public String requireString(String key) {
        return string(key).orElseThrow(() -> error(key, "is required"));
    }

    public Optional<Boolean> bool(String key) {
        return Optional.ofNullable(values.get(key)).map(v -> Coerce.bool(v, prefix + key, file));
    }

    public Optional<Long> integer(String key) {
        return Optional.ofNullable(values.get(key)).map(v -> Coerce.integer(v, prefix + key, file));
    }

    public Optional<List<String>> stringList(String key) {
        return Optional.ofNullable(values.get(key)).map(v -> Coerce.stringList(v, prefix + key, file));
    }

    /** A table option; its values are strings, numbers, booleans, lists or further maps. */
    public Optional<Map<String, Object>> table(String key) {
        return Optional.ofNullable(values.get(key)).map(v -> Coerce.table(v, prefix + key, file));
    }

    /** The raw value as read (string, Long, Double, Boolean, List, Map, or a TOML date/time). */
    public Optional<Object> raw(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** A {@link ConfigException} about option {@code key}, e.g. {@code error("extensions", "lists 'spatial', ...")}. */
    public ConfigException error(String key, String problem) {
        return new ConfigException("Option '" + prefix + key + "' " + problem, file);
    }
}
