package dev.metaxy.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One {@code [[extra_features]]} entry: features selected by project, by key, or all of them (entries are
 * OR-combined by sync and {@code metaxy lock}).
 */
public record FeatureSelectionConfig(List<String> projects, List<String> keys, boolean all) {
    private static final Set<String> KEYS = Set.of("projects", "keys", "all");

    public FeatureSelectionConfig {
        projects = List.copyOf(projects);
        keys = List.copyOf(keys);
    }

    static FeatureSelectionConfig parse(Object raw, String key, Path file) {
        Map<String, Object> t = Coerce.table(raw, key, file);
        for (String k : t.keySet()) {
            if (!KEYS.contains(k)) {
                throw new ConfigException("Unknown key '" + key + "." + k + "'; known keys: all, keys, projects", file);
            }
        }
        List<String> projects = t.containsKey("projects") ? Coerce.stringList(t.get("projects"), key + ".projects", file) : List.of();
        List<String> keys = t.containsKey("keys") ? Coerce.stringList(t.get("keys"), key + ".keys", file) : List.of();
        boolean all = t.containsKey("all") && Coerce.bool(t.get("all"), key + ".all", file);
        if (!all && projects.isEmpty() && keys.isEmpty()) {
            throw new ConfigException(key + ": at least one of 'projects', 'keys', or 'all' must be specified", file);
        }
        return new FeatureSelectionConfig(projects, keys, all);
    }

    /** The features of the given keys. */
    public static FeatureSelectionConfig ofKeys(java.util.Collection<String> keys) {
        return new FeatureSelectionConfig(List.of(), List.copyOf(keys), false);
    }

    /** Features selected by this selection or by {@code other} (Python's {@code FeatureSelection.__or__}). */
    public FeatureSelectionConfig or(FeatureSelectionConfig other) {
        if (all || other.all) {
            return new FeatureSelectionConfig(List.of(), List.of(), true);
        }
        return new FeatureSelectionConfig(union(projects, other.projects), union(keys, other.keys), false);
    }

    private static List<String> union(List<String> a, List<String> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        java.util.TreeSet<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
