package dev.metaxy.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Serialises a Jackson tree exactly as Python's {@code json.dumps(obj, sort_keys=True)} does, so that hashes of JSON
 * (spec versions, definition versions) match Python Metaxy byte for byte.
 *
 * <p>Floating-point nodes are written as Python floats and integral nodes as Python ints. Parse input with an
 * {@code ObjectMapper} that keeps JSON floats as doubles (the default; do not enable
 * {@code USE_BIG_DECIMAL_FOR_FLOATS}): a {@code DecimalNode} is converted to the nearest double, as Python would
 * read it.
 */
public final class CanonicalJson {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Orders strings by Unicode code point, as Python compares {@code str}; UTF-16 order differs above U+FFFF. */
    public static final Comparator<String> CODE_POINT_ORDER = CanonicalJson::compareCodePoints;

    private CanonicalJson() {}

    /**
     * Returns {@code json.dumps(node, sort_keys=True)}.
     *
     * @throws IllegalArgumentException if the tree holds a node JSON cannot express (missing, binary or POJO)
     */
    public static String write(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        write(node, out, Style.SORTED);
        return out.toString();
    }

    /**
     * Returns {@code json.dumps(node)}: the same layout and escaping, object keys in their given order. Python
     * Metaxy stores spec and schema JSON in the system tables this way.
     */
    public static String writeInOrder(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        write(node, out, Style.IN_ORDER);
        return out.toString();
    }

    /**
     * Returns what pydantic's {@code TypeAdapter(dict).dump_json(obj)} writes: no spaces, keys in their given order,
     * non-ASCII characters as they are ({@code exclude_none} has no effect inside a plain dict: nulls stay). Python
     * Metaxy writes the feature schema into lock files this way.
     */
    public static String writeCompact(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        write(node, out, Style.COMPACT);
        return out.toString();
    }

    /** How {@code json.dumps(sort_keys=True)}, {@code json.dumps()} and pydantic's compact dump differ. */
    private enum Style {
        SORTED(true, ", ", ": ", true),
        IN_ORDER(false, ", ", ": ", true),
        COMPACT(false, ",", ":", false);

        final boolean sortKeys;
        final String itemSeparator;
        final String keySeparator;
        final boolean asciiOnly;

        Style(boolean sortKeys, String itemSeparator, String keySeparator, boolean asciiOnly) {
            this.sortKeys = sortKeys;
            this.itemSeparator = itemSeparator;
            this.keySeparator = keySeparator;
            this.asciiOnly = asciiOnly;
        }
    }

    private static void write(JsonNode node, StringBuilder out, Style style) {
        switch (node.getNodeType()) {
            case OBJECT:
                writeObject(node, out, style);
                break;
            case ARRAY:
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(style.itemSeparator);
                    }
                    write(node.get(i), out, style);
                }
                out.append(']');
                break;
            case STRING:
                writeString(node.textValue(), out, style.asciiOnly);
                break;
            case NUMBER:
                if (node.isIntegralNumber()) {
                    out.append(node.numberValue().toString());
                } else {
                    out.append(PythonFloat.repr(node.doubleValue()));
                }
                break;
            case BOOLEAN:
                out.append(node.booleanValue() ? "true" : "false");
                break;
            case NULL:
                out.append("null");
                break;
            default:
                throw new IllegalArgumentException("Cannot write a " + node.getNodeType() + " node ("
                        + node.getClass().getSimpleName() + ") as Python JSON");
        }
    }

    private static void writeObject(JsonNode node, StringBuilder out, Style style) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
        if (style.sortKeys) {
            fields.sort(Map.Entry.comparingByKey(CODE_POINT_ORDER));
        }
        out.append('{');
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(style.itemSeparator);
            }
            writeString(fields.get(i).getKey(), out, style.asciiOnly);
            out.append(style.keySeparator);
            write(fields.get(i).getValue(), out, style);
        }
        out.append('}');
    }

    /**
     * Writes a string with JSON escapes; with {@code asciiOnly} ({@code ensure_ascii=True}) everything outside
     * printable ASCII is escaped (non-BMP characters as surrogate pairs), otherwise only control characters.
     */
    private static void writeString(String s, StringBuilder out, boolean asciiOnly) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                case '\b': out.append("\\b"); break;
                case '\f': out.append("\\f"); break;
                default:
                    if (c >= 0x20 && (c <= 0x7E || !asciiOnly)) {
                        out.append(c);
                    } else {
                        out.append("\\u")
                                .append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
                                .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
                    }
            }
        }
        out.append('"');
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
