package dev.metaxy.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands {@code ${NAME}} and {@code ${NAME:-default}} in every string read from a config file (keys untouched,
 * results not re-expanded). A set variable wins even when empty; an unset one falls back to the default. An unset
 * variable without a default is an error naming the variable, the key and the file (Python substitutes an empty
 * string here; the JVM port refuses so that a typo cannot silently select, say, an in-memory database). So is a
 * {@code ${} without its closing brace, which Python would keep literally (and, say, create a directory named so).
 */
final class VariableExpansion {
    private static final Pattern VAR = Pattern.compile("\\$\\{([^}:]+)(?::-([^}]*))?}");

    private VariableExpansion() {
    }

    /** Returns a copy of {@code data} with every {@link SourcedString} expanded to a plain string. */
    static Map<String, Object> expand(Map<String, Object> data, Map<String, String> env) {
        return table(data, "", env);
    }

    private static Map<String, Object> table(Map<?, ?> data, String path, Map<String, String> env) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : data.entrySet()) {
            String key = String.valueOf(e.getKey());
            out.put(key, value(e.getValue(), path.isEmpty() ? key : path + "." + key, env));
        }
        return out;
    }

    private static Object value(Object v, String path, Map<String, String> env) {
        if (v instanceof SourcedString s) {
            return expandString(s, path, env);
        }
        if (v instanceof Map<?, ?> m) {
            return table(m, path, env);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (int i = 0; i < l.size(); i++) {
                out.add(value(l.get(i), path + "[" + i + "]", env));
            }
            return out;
        }
        return v;
    }

    private static String expandString(SourcedString s, String path, Map<String, String> env) {
        if (s.value().lastIndexOf("${") > s.value().lastIndexOf('}')) {
            throw new ConfigException("Unterminated '${' in the value of '" + path + "'" + (s.file() == null ? "" : " in " + s.file())
                + " (write ${NAME} or ${NAME:-default})", s.file());
        }
        Matcher m = VAR.matcher(s.value());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = env.get(name);
            if (value == null) {
                value = m.group(2);
            }
            if (value == null) {
                throw new ConfigException("Environment variable '" + name + "' referenced by '" + path + "'"
                    + (s.file() == null ? "" : " in " + s.file())
                    + " is not set and has no default (write ${" + name + ":-default} to give one)", s.file());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
