package dev.metaxy.config;

import dev.metaxy.hash.Truncation;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validates the merged raw configuration into typed values. Unknown top-level keys are rejected (the reference's
 * "Extra inputs are not permitted"); store entries without {@code type} are dropped with a warning.
 */
final class ConfigParser {
    private static final System.Logger LOG = System.getLogger(MetaxyConfig.class.getName());
    private static final Pattern PROJECT = Pattern.compile("^[a-zA-Z0-9_-]+$");

    final Path file;
    String project;
    String store = "dev";
    final Map<String, StoreConfig> stores = new LinkedHashMap<>();
    List<String> entrypoints = List.of();
    String theme = "default";
    final Map<String, Map<String, Object>> ext = new LinkedHashMap<>();
    int hashTruncationLength = Truncation.MINIMUM_LENGTH;
    boolean enableMapDatatype;
    boolean autoCreateTables;
    Boolean locked;
    boolean sync = true;
    final List<FeatureSelectionConfig> extraFeatures = new ArrayList<>();
    String metaxyLockPath;

    private ConfigParser(Path file) {
        this.file = file;
    }

    static ConfigParser parse(Map<String, Object> data, Path file) {
        ConfigParser p = new ConfigParser(file);
        data.forEach(p::field);
        return p;
    }

    private void field(String key, Object v) {
        if (v == null) {
            return;
        }
        switch (key) {
            case "project" -> project = project(Coerce.string(v, key, file));
            case "store" -> store = Coerce.string(v, key, file);
            case "stores" -> Coerce.table(v, key, file).forEach(this::store);
            case "entrypoints" -> entrypoints = Coerce.stringList(v, key, file);
            case "extend" -> Coerce.string(v, key, file);
            case "theme" -> theme = Coerce.string(v, key, file);
            case "ext" -> Coerce.table(v, key, file).forEach((name, plugin) -> {
                Map<String, Object> t = Coerce.table(plugin, "ext." + name, file);
                if (t.containsKey("enable")) {
                    Coerce.bool(t.get("enable"), "ext." + name + ".enable", file);
                }
                ext.put(name, t);
            });
            case "hash_truncation_length" -> hashTruncationLength = truncation(Coerce.integer(v, key, file));
            case "enable_map_datatype" -> enableMapDatatype = Coerce.bool(v, key, file);
            case "auto_create_tables" -> autoCreateTables = Coerce.bool(v, key, file);
            case "locked" -> locked = Coerce.bool(v, key, file);
            case "sync" -> sync = Coerce.bool(v, key, file);
            case "extra_features" -> {
                Object value = v instanceof Map ? List.of(v) : v;
                if (!(value instanceof List<?> list)) {
                    throw Coerce.invalid(key, "must be an array of tables", v, file);
                }
                for (int i = 0; i < list.size(); i++) {
                    extraFeatures.add(FeatureSelectionConfig.parse(list.get(i), key + "[" + i + "]", file));
                }
            }
            case "metaxy_lock_path" -> metaxyLockPath = Coerce.string(v, key, file);
            default -> throw new ConfigException("Unknown configuration key '" + key + "': Extra inputs are not permitted. Known keys: "
                + String.join(", ", MetaxyConfig.FIELDS), file);
        }
    }

    private void store(String name, Object raw) {
        StoreConfig store = StoreConfig.parse(name, Coerce.table(raw, "stores." + name, file), file);
        if (store.type() == null) {
            List<String> fields = new ArrayList<>();
            collectKeys(Coerce.table(raw, "stores." + name, file), "", fields);
            LOG.log(Level.WARNING, "Ignoring incomplete store config '" + name + "': missing required 'type' field"
                + (fields.isEmpty() ? "" : " (has fields: " + String.join(", ", fields) + ")")
                + ". This is typically caused by environment variables.");
            return;
        }
        stores.put(name, store);
    }

    private static void collectKeys(Map<?, ?> table, String prefix, List<String> out) {
        table.forEach((k, v) -> {
            String key = prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k;
            out.add(key);
            if (v instanceof Map<?, ?> m) {
                collectKeys(m, key, out);
            }
        });
    }

    private String project(String v) {
        String problem = null;
        if (v.isEmpty()) {
            problem = "project name cannot be empty";
        } else if (v.contains("/")) {
            problem = "project name '" + v + "' cannot contain forward slashes (/). Forward slashes are reserved for FeatureKey separation";
        } else if (v.contains("__")) {
            problem = "project name '" + v + "' cannot contain double underscores (__). Double underscores are reserved for table name generation";
        } else if (!PROJECT.matcher(v).matches()) {
            problem = "project name '" + v + "' must contain only alphanumeric characters, underscores, and hyphens";
        }
        if (problem != null) {
            throw new ConfigException("Invalid value for 'project': " + problem, file);
        }
        return v;
    }

    private int truncation(long v) {
        if (v < Truncation.MINIMUM_LENGTH || v > Integer.MAX_VALUE) {
            throw new ConfigException("Invalid value for 'hash_truncation_length': Input should be greater than or equal to "
                + Truncation.MINIMUM_LENGTH + ", got " + v, file);
        }
        return (int) v;
    }
}
