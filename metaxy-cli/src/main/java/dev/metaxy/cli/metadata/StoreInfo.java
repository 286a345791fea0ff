package dev.metaxy.cli.metadata;

import dev.metaxy.definition.FeatureKey;
import dev.metaxy.store.MetadataStore;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code store_metadata} of a status row: the store's name and display, and where the feature was found. */
record StoreInfo(String name, MetadataStore store) {

    Map<String, Object> of(FeatureKey key) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("display", store.display());
        if (store.hasFeature(key)) {
            Map<String, Object> from = new LinkedHashMap<>();
            from.put("name", name);
            from.put("display", store.display());
            m.put("resolved_from", from);
        }
        return m;
    }

    /** Python's {@code str(dict)} rendering, as the reference CLI prints it in the Info column. */
    static String pythonRepr(Object value) {
        if (value instanceof Map<?, ?> m) {
            StringBuilder b = new StringBuilder("{");
            m.forEach((k, v) -> b.append(b.length() > 1 ? ", " : "").append(pythonRepr(k)).append(": ").append(pythonRepr(v)));
            return b.append('}').toString();
        }
        if (value instanceof String s) {
            return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        return String.valueOf(value);
    }
}
