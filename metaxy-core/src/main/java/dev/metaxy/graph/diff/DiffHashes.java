package dev.metaxy.graph.diff;

import java.util.LinkedHashMap;
import java.util.Map;

/** Small helpers shared by the diff renderers. */
final class DiffHashes {
    private DiffHashes() {
    }

    /** The first {@code length} characters of a version ({@code none} when absent; whole when shorter or 0). */
    static String shortHash(String version, int length) {
        if (version == null || version.isEmpty()) {
            return "none";
        }
        return length == 0 || length >= version.length() ? version : version.substring(0, length);
    }

    /** The node's field changes keyed by field. */
    static Map<String, FieldChange> changesByField(DiffNode n) {
        Map<String, FieldChange> out = new LinkedHashMap<>();
        n.fieldChanges().forEach(c -> out.put(c.fieldKey(), c));
        return out;
    }
}
