package dev.metaxy.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code [stores.<name>]} entry: the store {@code type} and its options. Options may sit under
 * {@code [stores.<name>.config]} (the reference schema) or directly in {@code [stores.<name>]} (as some reference
 * guide pages show); both are merged and a key given in both places is an error. {@code fallback_stores} is kept
 * apart as a list of store names. The type and the option values are only checked when the store is created.
 */
public final class StoreConfig {
    private final String name;
    private final String type;
    private final Map<String, Object> options;
    private final List<String> fallbackStores;

    public StoreConfig(String name, String type, Map<String, Object> options, List<String> fallbackStores) {
        this.name = name;
        this.type = type;
        this.options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        this.fallbackStores = List.copyOf(fallbackStores);
    }

    /** Parses a merged {@code stores.<name>} table. */
    static StoreConfig parse(String name, Map<String, Object> table, Path file) {
        String prefix = "stores." + name;
        Map<String, Object> options = new LinkedHashMap<>();
        String type = null;
        for (Map.Entry<String, Object> e : table.entrySet()) {
            switch (e.getKey()) {
                case "type" -> type = Coerce.string(e.getValue(), prefix + ".type", file);
                case "config" -> Coerce.table(e.getValue(), prefix + ".config", file).forEach((k, v) -> {
                    if (options.containsKey(k)) {
                        throw duplicate(prefix, k, file);
                    }
                    options.put(k, v);
                });
                default -> {
                    if (options.containsKey(e.getKey())) {
                        throw duplicate(prefix, e.getKey(), file);
                    }
                    options.put(e.getKey(), e.getValue());
                }
            }
        }
        Object fallbacks = options.remove("fallback_stores");
        List<String> names = fallbacks == null ? List.of() : Coerce.stringList(fallbacks, prefix + ".config.fallback_stores", file);
        return new StoreConfig(name, type, options, names);
    }

    private static ConfigException duplicate(String prefix, String key, Path file) {
        return new ConfigException("Store option '" + key + "' is set both in [" + prefix + "] and in [" + prefix
            + ".config]; set it in one place", file);
    }

    public String name() {
        return name;
    }

    /** The configured type: a short name, a Java class name or a Python class path. */
    public String type() {
        return type;
    }

    /** The store options (without {@code fallback_stores}), values as read (strings from the environment). */
    public Map<String, Object> options() {
        return options;
    }

    /** Names of the stores consulted, in order, for features this store lacks. */
    public List<String> fallbackStores() {
        return fallbackStores;
    }

    @Override
    public String toString() {
        return "StoreConfig(" + name + ", type=" + type + ", options=" + options.keySet() + ", fallback_stores=" + fallbackStores + ")";
    }
}
