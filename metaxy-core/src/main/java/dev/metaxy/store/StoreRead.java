package dev.metaxy.store;

import java.util.Objects;

/**
 * The result of {@link MetadataStore#readWithStoreInfo}: the rows, and the store whose table they were read from (the
 * store asked, or the fallback store, possibly several levels down, that had the feature).
 */
public record StoreRead(LazyFrame frame, MetadataStore store) {
    public StoreRead {
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(store, "store");
    }
}
