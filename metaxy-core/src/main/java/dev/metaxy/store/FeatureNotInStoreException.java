package dev.metaxy.store;

import dev.metaxy.definition.FeatureKey;

/** The store (and its fallbacks, when consulted) has no table for the feature. */
public class FeatureNotInStoreException extends MetadataStoreException {
    private static final long serialVersionUID = 1L;
    private final FeatureKey feature;

    public FeatureNotInStoreException(FeatureKey feature, boolean fallbacksConsulted) {
        super("Feature " + feature + " not found in store" + (fallbacksConsulted ? " or fallback stores" : ""));
        this.feature = feature;
    }

    public FeatureKey feature() {
        return feature;
    }
}
