package dev.metaxy.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a store keeps a feature, for logs (reference {@code get_store_info}): the store's configured name, its class,
 * its display string and store-specific details such as {@code table_name} (SQL stores), {@code uri} (Delta Lake) or
 * {@code identifier} (Iceberg). Holds no secrets.
 */
public record StoreInfo(Optional<String> name, String type, String display, Map<String, String> details) {
    public StoreInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(display, "display");
        details = Map.copyOf(details);
    }

    /** {@code {name, type, display, ...details}} as the reference's dictionary (name null when unnamed). */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name.orElse(null));
        out.put("type", type);
        out.put("display", display);
        details.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
