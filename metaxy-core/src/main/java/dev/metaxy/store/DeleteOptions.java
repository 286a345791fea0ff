package dev.metaxy.store;

/** Options of {@link MetadataStore#delete}: soft (tombstones, the default) or hard, and the history scope. */
public record DeleteOptions(boolean soft, boolean withFeatureHistory, boolean withSampleHistory) {
    public static DeleteOptions soft() {
        return new DeleteOptions(true, false, false);
    }

    public static DeleteOptions hard() {
        return new DeleteOptions(false, false, false);
    }

    public DeleteOptions withFeatureHistory() {
        return new DeleteOptions(soft, true, withSampleHistory);
    }

    public DeleteOptions withSampleHistory() {
        return new DeleteOptions(soft, withFeatureHistory, true);
    }
}
