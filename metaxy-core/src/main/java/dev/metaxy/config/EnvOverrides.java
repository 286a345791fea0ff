package dev.metaxy.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns {@code METAXY_*} environment variables into a nested table that overrides the file values (pydantic-settings
 * semantics): names are case-insensitive, {@code __} descends into tables ({@code METAXY_STORES__DEV__CONFIG__DATABASE}),
 * nested keys are lower-cased, leaf values stay strings, and a table- or array-valued field given as a whole is JSON.
 * Variables that do not name a configuration field ({@code METAXY_CONFIG}, {@code METAXY_LOG_LEVEL}, ...) are ignored.
 */
final class EnvOverrides {
    static final String PREFIX = "METAXY_";
    private static final Set<String> JSON_FIELDS = Set.of("stores", "ext", "entrypoints", "extra_features");
    private static final Set<String> NESTED_FIELDS = Set.of("stores", "ext");

    private EnvOverrides() {
    }

    /** The overrides defined by {@code env}, applied in name order. */
    static Map<String, Object> from(Map<String, String> env) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, String> sorted = new TreeMap<>(env);
        // whole-field values first so that nested variables refine them
        for (boolean nested : new boolean[] {false, true}) {
            for (Map.Entry<String, String> e : sorted.entrySet()) {
                String name = e.getKey();
                if (name.length() <= PREFIX.length() || !name.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
                    continue;
                }
                String[] parts = name.substring(PREFIX.length()).toLowerCase(Locale.ROOT).split("__", -1);
                if (!MetaxyConfig.FIELDS.contains(parts[0]) || (parts.length > 1) != nested) {
                    continue;
                }
                if (nested) {
                    if (NESTED_FIELDS.contains(parts[0]) && !List.of(parts).contains("")) {
                        put(out, parts, e.getValue(), name);
                    }
                } else {
                    out.put(parts[0], JSON_FIELDS.contains(parts[0]) ? Coerce.json(e.getValue(), name, null) : e.getValue());
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, String[] parts, String value, String variable) {
        Map<String, Object> current = root;
        for (int i = 0; i < parts.length - 1; i++) {
            Object next = current.get(parts[i]);
            if (!(next instanceof Map)) {
                if (next != null) {
                    throw new ConfigException("Environment variable " + variable + " descends into '" + parts[i]
                        + "', which is not a table", null);
                }
                next = new LinkedHashMap<String, Object>();
                current.put(parts[i], next);
            }
            current = (Map<String, Object>) next;
        }
        current.put(parts[parts.length - 1], value);
    }

    /** Recursively merges {@code override} into a copy of {@code base}: tables merge, anything else is replaced. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> deepMerge(Map<String, Object> base, Map<String, Object> override) {
        Map<String, Object> out = new LinkedHashMap<>(base);
        for (Map.Entry<String, Object> e : override.entrySet()) {
            Object b = out.get(e.getKey());
            if (b instanceof Map && e.getValue() instanceof Map) {
                out.put(e.getKey(), deepMerge((Map<String, Object>) b, (Map<String, Object>) e.getValue()));
            } else {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }
}
