package dev.metaxy.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes nested maps as TOML, laid out like one of Python's TOML writers so that files written here and there
 * compare equal. Both layouts put a table's plain values first, then its sub-tables; a table holding only sub-tables
 * gets no header of its own; lists of tables become {@code [[...]]}. Null values are skipped (TOML has no null).
 * <ul>
 *   <li>{@link Layout#TOMLI_W} ({@code tomli_w}, used for {@code metaxy config print}): other lists span lines
 *       with a trailing comma; a blank line before every table that follows written content.</li>
 *   <li>{@link Layout#TOMLKIT} ({@code tomlkit}, used for {@code metaxy.lock}): lists inline ({@code ["a", "b"]});
 *       a blank line before a table unless it is the first entry of its parent, and before every element of a list
 *       of tables but the first.</li>
 * </ul>
 */
public final class TomlWriter {
    private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    /** Which Python writer's layout to reproduce. */
    public enum Layout {
        TOMLI_W,
        TOMLKIT
    }

    private final Layout layout;
    private final StringBuilder b = new StringBuilder();

    private TomlWriter(Layout layout) {
        this.layout = layout;
    }

    /** The TOML document of {@code table} (keys in map order), in {@code tomli_w}'s layout. */
    public static String write(Map<String, ?> table) {
        return write(table, Layout.TOMLI_W);
    }

    /** The TOML document of {@code table} (keys in map order) in {@code layout}. */
    public static String write(Map<String, ?> table, Layout layout) {
        TomlWriter w = new TomlWriter(layout);
        w.table(table, "", false, false);
        return w.b.toString();
    }

    /** A sub-table or one element of a list of tables, with whether tomlkit puts a blank line before it. */
    private record Child(String key, Map<String, ?> table, boolean inArray, boolean blankBefore) {
    }

    private boolean table(Map<String, ?> table, String name, boolean inArray, boolean blankBefore) {
        List<Map.Entry<String, ?>> literals = new ArrayList<>();
        List<Child> tables = new ArrayList<>();
        boolean first = true;
        for (Map.Entry<String, ?> e : table.entrySet()) {
            Object v = e.getValue();
            if (v == null) {
                continue;
            }
            if (v instanceof Map<?, ?> m) {
                tables.add(new Child(e.getKey(), cast(m), false, !first));
            } else if (isArrayOfTables(v)) {
                List<?> items = (List<?>) v;
                for (int i = 0; i < items.size(); i++) {
                    tables.add(new Child(e.getKey(), cast((Map<?, ?>) items.get(i)), true, !first || i > 0));
                }
            } else {
                literals.add(e);
            }
            first = false;
        }
        boolean written = false;
        if (layout == Layout.TOMLKIT && blankBefore) {
            b.append('\n');
        }
        if (inArray || !name.isEmpty() && (!literals.isEmpty() || tables.isEmpty())) {
            b.append(inArray ? "[[" + name + "]]\n" : "[" + name + "]\n");
            written = true;
        }
        for (Map.Entry<String, ?> e : literals) {
            b.append(key(e.getKey())).append(" = ").append(literal(e.getValue(), 0)).append('\n');
            written = true;
        }
        for (Child t : tables) {
            if (layout == Layout.TOMLI_W && written) {
                b.append('\n');
            }
            String sub = name.isEmpty() ? key(t.key()) : name + "." + key(t.key());
            table(t.table(), sub, t.inArray(), t.blankBefore());
            written = true;
        }
        return written;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> cast(Map<?, ?> m) {
        return (Map<String, ?>) m;
    }

    private static boolean isArrayOfTables(Object v) {
        return v instanceof List<?> l && !l.isEmpty() && l.stream().allMatch(x -> x instanceof Map<?, ?>);
    }

    private String key(String k) {
        return BARE_KEY.matcher(k).matches() ? k : string(k);
    }

    private String literal(Object v, int nest) {
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
            return list(list, nest);
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

    private String list(List<?> list, int nest) {
        if (list.isEmpty()) {
            return "[]";
        }
        if (layout == Layout.TOMLKIT) {
            List<String> items = new ArrayList<>();
            list.forEach(item -> items.add(literal(item, nest + 1)));
            return "[" + String.join(", ", items) + "]";
        }
        StringBuilder out = new StringBuilder("[\n");
        for (Object item : list) {
            out.append("    ".repeat(nest + 1)).append(literal(item, nest + 1)).append(",\n");
        }
        return out.append("    ".repeat(nest)).append(']').toString();
    }

    private String string(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format(layout == Layout.TOMLKIT ? "\\u%04x" : "\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
