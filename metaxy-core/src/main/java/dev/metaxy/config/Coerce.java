package dev.metaxy.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Typed reads of raw config values with errors naming the key and the file. Strings coming from environment
 * variables are coerced like pydantic does: booleans from {@code true/false/1/0/yes/no/on/off}, integers from
 * decimal text, lists from a JSON array (or, for lists of names, a comma-separated string).
 */
final class Coerce {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Coerce() {
    }

    static String string(Object v, String key, Path file) {
        if (v instanceof String s) {
            return s;
        }
        throw invalid(key, "must be a string", v, file);
    }

    static boolean bool(Object v, String key, Path file) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes", "on", "t", "y":
                    return true;
                case "false", "0", "no", "off", "f", "n":
                    return false;
                default:
                    break;
            }
        }
        throw invalid(key, "must be a boolean", v, file);
    }

    static long integer(Object v, String key, Path file) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Integer i) {
            return i;
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw invalid(key, "must be an integer", v, file);
    }

    /** A list of strings; a string value is a JSON array or a comma-separated list of names. */
    static List<String> stringList(Object v, String key, Path file) {
        Object value = v instanceof String s ? splitOrJson(s, key, file) : v;
        if (!(value instanceof List<?> list)) {
            throw invalid(key, "must be an array of strings", v, file);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(string(list.get(i), key + "[" + i + "]", file));
        }
        return List.copyOf(out);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> table(Object v, String key, Path file) {
        Object value = v instanceof String s && s.trim().startsWith("{") ? json(s, key, file) : v;
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw invalid(key, "must be a table", v, file);
    }

    private static Object splitOrJson(String s, String key, Path file) {
        if (s.trim().startsWith("[")) {
            return json(s, key, file);
        }
        List<Object> out = new ArrayList<>();
        for (String part : s.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    /** Parses JSON text into maps, lists and scalars (integers as {@code Long}). */
    static Object json(String text, String key, Path file) {
        try {
            return normalize(JSON.readValue(text, Object.class));
        } catch (JsonProcessingException e) {
            throw new ConfigException("'" + key + "' is not valid JSON: " + e.getOriginalMessage(), file, e);
        }
    }

    private static Object normalize(Object v) {
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), normalize(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(normalize(x)));
            return out;
        }
        return v;
    }

    static ConfigException invalid(String key, String problem, Object v, Path file) {
        return new ConfigException("Invalid value for '" + key + "': " + problem + ", got " + describe(v), file);
    }

    static String describe(Object v) {
        if (v == null) {
            return "nothing";
        }
        if (v instanceof String || v instanceof SourcedString) {
            return "the string '" + (v instanceof SourcedString s ? s.value() : v) + "'";
        }
        if (v instanceof Map) {
            return "a table";
        }
        if (v instanceof List) {
            return "an array";
        }
        if (v instanceof Boolean) {
            return "the boolean " + v;
        }
        if (v instanceof Long || v instanceof Integer) {
            return "the integer " + v;
        }
        return "the value " + v + " (" + v.getClass().getSimpleName() + ")";
    }
}
