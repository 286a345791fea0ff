package dev.metaxy.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metaxy.definition.DefinitionJson;

/**
 * JSON for stdout: two-space indent, {@code "key": value} spacing and {@code []}/{@code {}} for empty containers, as
 * Python's {@code json.dumps(indent=2)}.
 */
public final class JsonOutput {
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter(
        Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("").withArrayEmptySeparator(""))
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private JsonOutput() {
    }

    public static ObjectMapper mapper() {
        return DefinitionJson.mapper();
    }

    public static ObjectNode object() {
        return mapper().createObjectNode();
    }

    public static ArrayNode array() {
        return mapper().createArrayNode();
    }

    /** Pretty-printed JSON text of {@code node}. */
    public static String write(JsonNode node) {
        try {
            return mapper().writer(PRINTER).writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
