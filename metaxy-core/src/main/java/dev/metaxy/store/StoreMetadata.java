package dev.metaxy.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@link MetadataStore#storeMetadata} (reference {@code get_store_metadata}): the store asked, and where
 * the feature was found ({@code resolvedFrom}; empty when no store of the chain has it).
 */
public record StoreMetadata(Optional<String> name, String display, Optional<StoreInfo> resolvedFrom) {
    public StoreMetadata {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(display, "display");
        Objects.requireNonNull(resolvedFrom, "resolvedFrom");
    }

    /** {@code {name, display[, resolved_from: {...}]}} as the reference's dictionary. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name.orElse(null));
        out.put("display", display);
        resolvedFrom.ifPresent(r -> out.put("resolved_from", r.toMap()));
        return out;
    }
}
