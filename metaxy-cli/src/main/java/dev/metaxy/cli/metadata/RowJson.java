package dev.metaxy.cli.metadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metaxy.cli.JsonOutput;
import dev.metaxy.frame.Frame;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Frame rows as JSON: one object per row, columns in frame order; structs and maps ({@code *_by_field} columns) become
 * objects keyed by field, timestamps and dates ISO-8601 strings, binary base64, lists arrays.
 */
final class RowJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RowJson() {
    }

    /** Every row of {@code frame} as a JSON array. */
    static ArrayNode array(Frame frame) {
        ArrayNode array = NODES.arrayNode();
        frame.toRows().forEach(row -> array.add(object(row)));
        return array;
    }

    /** Writes each row of {@code frame} as one compact JSON line. */
    static void writeLines(Frame frame, PrintWriter out) {
        for (Map<String, Object> row : frame.toRows()) {
            out.println(compact(object(row)));
        }
    }

    static ObjectNode object(Map<String, Object> row) {
        ObjectNode o = NODES.objectNode();
        row.forEach((k, v) -> o.set(k, value(v)));
        return o;
    }

    static JsonNode value(Object v) {
        if (v == null) {
            return NODES.nullNode();
        }
        if (v instanceof String s) {
            return NODES.textNode(s);
        }
        if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return NODES.numberNode(((Number) v).longValue());
        }
        if (v instanceof BigInteger i) {
            return NODES.numberNode(i);
        }
        if (v instanceof BigDecimal d) {
            return NODES.numberNode(d);
        }
        if (v instanceof Double || v instanceof Float) {
            return NODES.numberNode(((Number) v).doubleValue());
        }
        if (v instanceof TemporalAccessor t) {
            return NODES.textNode(t.toString());
        }
        if (v instanceof byte[] bytes) {
            return NODES.textNode(Base64.getEncoder().encodeToString(bytes));
        }
        if (v instanceof Map<?, ?> m) {
            ObjectNode o = NODES.objectNode();
            m.forEach((k, x) -> o.set(String.valueOf(k), value(x)));
            return o;
        }
        if (v instanceof List<?> l) {
            ArrayNode a = NODES.arrayNode();
            l.forEach(x -> a.add(value(x)));
            return a;
        }
        return NODES.textNode(v.toString());
    }

    /** A value as short display text: strings bare, everything else as compact JSON. */
    static String text(Object v) {
        JsonNode node = value(v);
        return node.isTextual() ? node.asText() : compact(node);
    }

    static String compact(JsonNode node) {
        try {
            return JsonOutput.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
