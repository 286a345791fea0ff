package dev.metaxy.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Resolves {@code extend = "<path>"} chains on raw tables: the parent is read relative to the extending file's
 * directory and merged under the child per top-level key (scalars replaced, tables merged shallowly, arrays
 * concatenated parent first). Missing targets and cycles are errors naming the extending file.
 */
final class ConfigInheritance {
    private ConfigInheritance() {
    }

    /**
     * Resolves the chain of {@code data}, read from {@code file} (null for an in-memory document whose relative
     * paths resolve against {@code baseDir}).
     */
    static Map<String, Object> resolve(Map<String, Object> data, Path file, Path baseDir) {
        LinkedHashSet<Path> seen = new LinkedHashSet<>();
        if (file != null) {
            seen.add(normalize(file));
        }
        return resolve(data, file, baseDir, seen);
    }

    private static Map<String, Object> resolve(Map<String, Object> data, Path file, Path baseDir, LinkedHashSet<Path> seen) {
        Object raw = data.remove("extend");
        if (raw == null) {
            return data;
        }
        if (!(raw instanceof SourcedString s)) {
            throw new ConfigException("'extend' must be a string path, got " + Coerce.describe(raw), file);
        }
        Path target = normalize(baseDir.resolve(s.value()));
        if (!Files.exists(target)) {
            throw new ConfigException("Config file referenced by 'extend' does not exist: " + target, file);
        }
        if (seen.contains(target)) {
            String chain = seen.stream().map(Path::toString).collect(Collectors.joining(" -> "));
            throw new ConfigException("Circular config inheritance detected: " + chain + " -> " + target, file);
        }
        seen.add(target);
        Map<String, Object> parent = TomlReader.readConfig(target);
        parent = resolve(parent, target, target.getParent(), seen);
        return merge(parent, data);
    }

    /** Child over parent, per top-level key. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> parent, Map<String, Object> child) {
        Map<String, Object> merged = new LinkedHashMap<>(parent);
        for (Map.Entry<String, Object> e : child.entrySet()) {
            Object p = parent.get(e.getKey());
            Object c = e.getValue();
            if (c instanceof Map && p instanceof Map) {
                Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) p);
                m.putAll((Map<String, Object>) c);
                merged.put(e.getKey(), m);
            } else if (c instanceof List && p instanceof List) {
                List<Object> l = new ArrayList<>((List<Object>) p);
                l.addAll((List<Object>) c);
                merged.put(e.getKey(), l);
            } else {
                merged.put(e.getKey(), c);
            }
        }
        return merged;
    }

    private static Path normalize(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        try {
            return abs.toRealPath();
        } catch (java.io.IOException e) {
            return abs;
        }
    }
}
