package dev.metaxy.store;

/** Options of {@link MetadataStore#delete}: soft (tombstones, the default) or hard, and the history scope. */
public record DeleteOptions(boolean isSoft, boolean isWithFeatureHistory, boolean isWithSampleHistory) {
    /** Appends tombstones for the latest live row of each matching sample. */
    public static DeleteOptions soft() {
        return new DeleteOptions(true, false, false);
    }

    /** Physically removes matching rows (all sample history) of the current feature version. */
    public static DeleteOptions hard() {
        return new DeleteOptions(false, false, false);
    }

    /** Extends the scope to every feature version. */
    public DeleteOptions withFeatureHistory() {
        return new DeleteOptions(isSoft, true, isWithSampleHistory);
    }

    /** Targets every stored row rather than the latest per sample (soft deletes). */
    public DeleteOptions withSampleHistory() {
        return new DeleteOptions(isSoft, isWithFeatureHistory, true);
    }
}
