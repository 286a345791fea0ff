package dev.metaxy.store;

import dev.metaxy.definition.FeatureKey;

/** Told about each feature of a {@link MetadataStore#copyMetadata copy}; every method does nothing by default. */
public interface CopyListener {

    /** Before {@code feature} is read from the source. */
    default void starting(FeatureKey feature) {
    }

    /**
     * {@code feature} was not copied; {@code reason} is a sentence such as
     * {@code "Feature a/b not found in source store, skipping"}.
     */
    default void skipped(FeatureKey feature, String reason) {
    }

    /** {@code rows} rows of {@code feature} were written to the destination. */
    default void copied(FeatureKey feature, long rows) {
    }
}
