package dev.metaxy.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes nested maps as TOML the way Python's {@code tomli_w} lays it out: a table's plain values first, then its
 * sub-tables; a table holding only sub-tables gets no header of its own; lists of tables become {@code [[...]]};
 * other lists span lines with a trailing comma. Null values are skipped (TOML has no null).
 */
public final class TomlWriter {
    private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    private TomlWriter() {
    }

    /** The TOML document of {@code table} (keys in map order). */
    public static String write(Map<String, ?> table) {
        StringBuilder b = new StringBuilder();
        table(b, table, "", false);
        return b.toString();
    }

    private static boolean table(StringBuilder b, Map<String, ?> table, String name, boolean inArray) {
        List<Map.Entry<String, ?>> literals = new ArrayList<>();
        List<Object[]> tables = new ArrayList<>();
        for (Map.Entry<String, ?> e : table.entrySet()) {
            Object v = e.getValue();
            if (v == null) {
                continue;
            }
            if (v instanceof Map<?, ?>) {
                tables.add(new Object[] {e.getKey(), v, false});
            } else if (isArrayOfTables(v)) {
                ((List<?>) v).forEach(t -> tables.add(new Object[] {e.getKey(), t, true}));
            } else {
                literals.add(e);
            }
        }
        boolean written = false;
        if (inArray || !name.isEmpty() && (!literals.isEmpty() || tables.isEmpty())) {
            b.append(inArray ? "[[" + name + "]]\n" : "[" + name + "]\n");
            written = true;
        }
        for (Map.Entry<String, ?> e : literals) {
            b.append(key(e.getKey())).append(" = ").append(literal(e.getValue(), 0)).append('\n');
            written = true;
        }
        for (Object[] t : tables) {
            if (written) {
                b.append('\n');
            }
            String sub = name.isEmpty() ? key((String) t[0]) : name + "." + key((String) t[0]);
            @SuppressWarnings("unchecked")
            Map<String, ?> child = (Map<String, ?>) t[1];
            table(b, child, sub, (Boolean) t[2]);
            written = true;
        }
        return written;
    }

    private static boolean isArrayOfTables(Object v) {
        return v instanceof List<?> l && !l.isEmpty() && l.stream().allMatch(x -> x instanceof Map<?, ?>);
    }

    private static String key(String k) {
        return BARE_KEY.matcher(k).matches() ? k : string(k);
    }

    private static String literal(Object v, int nest) {
        if (v instanceof String s) {
            return string(s);
        }
        if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
            return v.toString();
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isNaN(d) ? "nan" : Double.isInfinite(d) ? (d > 0 ? "inf" : "-inf") : Double.toString(d);
        }
        if (v instanceof Number) {
            return v.toString();
        }
        if (v instanceof List<?> list) {
            if (list.isEmpty()) {
                return "[]";
            }
            StringBuilder b = new StringBuilder("[\n");
            for (Object item : list) {
                b.append("    ".repeat(nest + 1)).append(literal(item, nest + 1)).append(",\n");
            }
            return b.append("    ".repeat(nest)).append(']').toString();
        }
        if (v instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            map.forEach((k, x) -> {
                if (x != null) {
                    parts.add(key(k.toString()) + " = " + literal(x, nest + 1));
                }
            });
            return parts.isEmpty() ? "{}" : "{ " + String.join(", ", parts) + " }";
        }
        return string(String.valueOf(v));
    }

    private static String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\u%04X", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
