package dev.metaxy.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metaxy.config.MetaxyConfig;
import dev.metaxy.config.StoreConfig;
import java.util.List;
import java.util.Map;

/**
 * A configured store as the CLI names it: {@code name (type, location)} in text, {@code {name, type, location}} in
 * JSON. The location is the configured database, connection string, URL, host, root path or warehouse, with any
 * password or token in it replaced by {@code ***}.
 */
public record StoreLabel(String name, String type, String location) {
    private static final List<String> LOCATION_OPTIONS = List.of("connection_string", "url", "database", "root_path", "warehouse");

    public static StoreLabel of(MetaxyConfig config, String name) {
        StoreConfig store = config.stores().get(name);
        if (store == null) {
            return new StoreLabel(name, null, null);
        }
        return new StoreLabel(name, store.type(), location(store.options()));
    }

    private static String location(Map<String, Object> options) {
        if (options.get("host") != null) {
            Object port = options.get("port");
            Object database = options.containsKey("database") ? options.get("database") : options.get("dbname");
            return options.get("host") + (port == null ? "" : ":" + port) + (database == null ? "" : "/" + database);
        }
        return LOCATION_OPTIONS.stream().filter(k -> options.get(k) != null).findFirst()
            .map(k -> redact(String.valueOf(options.get(k)))).orElse(null);
    }

    /** {@code user:secret@host} → {@code user:***@host}; {@code password=x}, {@code token=x}, ... → {@code =***}. */
    static String redact(String location) {
        return location.replaceAll("(://[^/:@]*:)[^/@]*@", "$1***@")
            .replaceAll("(?i)((?:password|passwd|pwd|secret|token|access_key|secret_key)=)[^&;\\s]*", "$1***");
    }

    public String text() {
        return name + " (" + (type == null ? "?" : type) + ", " + (location == null ? "-" : location) + ")";
    }

    public ObjectNode json() {
        ObjectNode o = JsonOutput.object();
        o.put("name", name);
        o.put("type", type);
        o.put("location", location);
        return o;
    }
}
