package dev.metaxy.graph.diff;

import java.util.Locale;

/** What happened to a feature between two snapshots. */
public enum DiffStatus {
    UNCHANGED, CHANGED, ADDED, REMOVED;

    /** The lower-case name used in JSON and text ({@code added}, ...). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
