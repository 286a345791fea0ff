package dev.metaxy.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration as Python Metaxy dumps it ({@code metaxy config print}): an ordered map with every top-level
 * key (nulls included), stores as {@code {type, config}}, plugins as {@code {enable, ...}}, and its TOML form
 * without nulls. The config file path is not part of it.
 */
public final class ConfigPrinter {
    private ConfigPrinter() {
    }

    /** Every top-level key in Python's order, values as plain maps, lists, strings, numbers, booleans and nulls. */
    public static Map<String, Object> toMap(MetaxyConfig config) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("store", config.store());
        Map<String, Object> stores = new LinkedHashMap<>();
        config.stores().forEach((name, s) -> {
            Map<String, Object> options = new LinkedHashMap<>(s.options());
            if (!s.fallbackStores().isEmpty()) {
                options.put("fallback_stores", s.fallbackStores());
            }
            Map<String, Object> store = new LinkedHashMap<>();
            store.put("type", s.type());
            store.put("config", options);
            stores.put(name, store);
        });
        out.put("stores", stores);
        out.put("extend", null);
        out.put("entrypoints", config.entrypoints());
        out.put("theme", config.theme());
        Map<String, Object> ext = new LinkedHashMap<>();
        config.ext().forEach((name, values) -> {
            Map<String, Object> plugin = new LinkedHashMap<>();
            plugin.put("enable", values.getOrDefault("enable", false));
            values.forEach((k, v) -> {
                if (!k.equals("enable")) {
                    plugin.put(k, v);
                }
            });
            ext.put(name, plugin);
        });
        out.put("ext", ext);
        out.put("hash_truncation_length", config.hashTruncationLength());
        out.put("enable_map_datatype", config.enableMapDatatype());
        out.put("auto_create_tables", config.autoCreateTables());
        out.put("project", config.project().orElse(null));
        out.put("locked", config.locked().orElse(null));
        out.put("sync", config.sync());
        List<Object> extra = new ArrayList<>();
        for (FeatureSelectionConfig s : config.extraFeatures()) {
            Map<String, Object> sel = new LinkedHashMap<>();
            sel.put("projects", s.projects().isEmpty() ? null : s.projects());
            sel.put("keys", s.keys().isEmpty() ? null : s.keys());
            sel.put("all", s.all() ? Boolean.TRUE : null);
            extra.add(sel);
        }
        out.put("extra_features", extra);
        out.put("metaxy_lock_path", config.metaxyLockPath().orElse(null));
        return out;
    }

    /** The TOML text of {@link #toMap}, nulls removed. */
    public static String toToml(MetaxyConfig config) {
        return TomlWriter.write(toMap(config));
    }
}
