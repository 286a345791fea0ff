package dev.metaxy.graph.diff;

/** Which fields a diff renderer lists under each feature. */
public enum FieldDisplay {
    /** Every field, marking the added, removed and re-versioned ones (the reference's default). */
    ALL,
    /** Only added, removed and re-versioned fields. */
    CHANGED,
    /** No fields. */
    NONE
}
