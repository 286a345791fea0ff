package dev.metaxy.graph.diff;

import java.util.List;
import java.util.Map;

/**
 * One feature of a merged diff: its status, feature versions before and after (null on the side where it does not
 * exist), field versions (from the newer side, the older for a removed feature), field changes (changed features
 * only) and dependency keys.
 */
public record DiffNode(String key, DiffStatus status, String oldVersion, String newVersion, Map<String, String> fields,
                       List<FieldChange> fieldChanges, List<String> dependencies) {
    public DiffNode {
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        fieldChanges = List.copyOf(fieldChanges);
        dependencies = List.copyOf(dependencies);
    }
}
