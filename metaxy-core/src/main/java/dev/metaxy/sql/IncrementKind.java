package dev.metaxy.sql;

/** The three parts of an increment, as written in the {@link SqlVersioningEngine#INCREMENT_KIND_COLUMN} column. */
public enum IncrementKind {
    /** Expected samples with no current row. */
    NEW("new"),
    /** Expected samples whose current row has another (or no) provenance, or matches a staleness predicate. */
    STALE("stale"),
    /** Current samples no longer expected. */
    ORPHANED("orphaned");

    private final String sqlValue;

    IncrementKind(String sqlValue) {
        this.sqlValue = sqlValue;
    }

    /** The discriminator value, e.g. {@code "new"}. */
    public String sqlValue() {
        return sqlValue;
    }

    /** The kind with this discriminator value. */
    public static IncrementKind fromSqlValue(String value) {
        for (IncrementKind kind : values()) {
            if (kind.sqlValue.equals(value)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown increment kind '" + value + "'; expected new, stale or orphaned");
    }
}
