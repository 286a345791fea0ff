package dev.metaxy.graph.render;

/** The state of a node or field in a rendered graph: {@code NORMAL} outside diffs, otherwise its diff status. */
public enum NodeStatus {
    NORMAL, UNCHANGED, ADDED, REMOVED, CHANGED
}
