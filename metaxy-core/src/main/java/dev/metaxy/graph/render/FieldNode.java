package dev.metaxy.graph.render;

import dev.metaxy.definition.FieldKey;

/** One field of a rendered feature: its version (null when removed), previous version in diffs, code version. */
public record FieldNode(FieldKey key, String version, String oldVersion, String codeVersion, NodeStatus status) {
    /** A field outside a diff. */
    public static FieldNode of(FieldKey key, String version, String codeVersion) {
        return new FieldNode(key, version, null, codeVersion, NodeStatus.NORMAL);
    }
}
