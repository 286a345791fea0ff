package dev.metaxy.external;

import dev.metaxy.graph.FeatureNotFoundException;
import java.util.List;

/** Features a lock needs were never pushed to the store (Python's {@code FeatureNotFoundError} of {@code metaxy lock}). */
public final class FeaturesNotPushedException extends FeatureNotFoundException {
    private static final long serialVersionUID = 1L;
    private final List<String> keys;

    public FeaturesNotPushedException(List<String> keys) {
        super("Features not found in metadata store: " + String.join(", ", keys));
        this.keys = List.copyOf(keys);
    }

    /** The missing feature keys, sorted. */
    public List<String> keys() {
        return keys;
    }
}
