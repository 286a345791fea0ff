package dev.metaxy.cli.metadata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metaxy.cli.StoreLabel;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.store.MetadataStore;

/** The {@code store_metadata} of a status row: the store's label, and where the feature was found. */
record StoreInfo(StoreLabel label, MetadataStore store) {

    /** {@code {name, type, location[, resolved_from: {name, type, location}]}}. */
    ObjectNode of(FeatureKey key) {
        ObjectNode o = label.json();
        if (store.hasFeature(key)) {
            o.set("resolved_from", label.json());
        }
        return o;
    }
}
