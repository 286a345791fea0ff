package dev.metaxy.examples.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Builds the JSON schema Python Metaxy records for a feature class (Pydantic v2's model schema, spec §C.6): the
 * Metaxy system columns first, then the class's own columns. The schema is hashed into the definition and project
 * versions, so building it the way Pydantic does lets a Java project reproduce the project versions the reference
 * examples record (e.g. {@code 490f2c18} for the basic example).
 *
 * <pre>{@code
 * JsonNode schema = PydanticSchema.model("Audio").description("Audio recordings of different speakers.")
 *     .column("audio_id", Type.STRING).column("duration_seconds", Type.NUMBER).build();
 * }</pre>
 */
public final class PydanticSchema {
    /** Column types (Python annotations {@code str}, {@code int}, {@code float}, {@code bool}). */
    public enum Type {
        STRING("string"), INTEGER("integer"), NUMBER("number"), BOOLEAN("boolean");

        final String json;

        Type(String json) {
            this.json = json;
        }
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String title;
    private String description;
    private final ObjectNode columns = JSON.objectNode();
    private final List<String> required = new ArrayList<>();

    private PydanticSchema(String title) {
        this.title = title;
    }

    /** A model schema titled with the (Python) class name. */
    public static PydanticSchema model(String className) {
        return new PydanticSchema(className);
    }

    /** The class docstring (already dedented). */
    public PydanticSchema description(String docstring) {
        this.description = docstring;
        return this;
    }

    /** A required column without a description. */
    public PydanticSchema column(String name, Type type) {
        return column(name, type, null);
    }

    /** A required column with a description ({@code Field(description=...)}). */
    public PydanticSchema column(String name, Type type, String columnDescription) {
        ObjectNode p = JSON.objectNode();
        p.put("title", title(name));
        p.put("type", type.json);
        if (columnDescription != null) {
            p.put("description", columnDescription);
        }
        columns.set(name, p);
        required.add(name);
        return this;
    }

    public JsonNode build() {
        ObjectNode root = JSON.objectNode();
        root.put("additionalProperties", false);
        if (description != null) {
            root.put("description", description);
        }
        ObjectNode properties = JSON.objectNode();
        systemColumns(properties);
        properties.setAll(columns);
        root.set("properties", properties);
        if (!required.isEmpty()) {
            ArrayNode r = root.putArray("required");
            required.forEach(r::add);
        }
        root.put("title", title);
        root.put("type", "object");
        return root;
    }

    /** Pydantic's default property title: underscores become spaces, each word capitalised. */
    static String title(String name) {
        return Arrays.stream(name.split("_", -1))
            .map(w -> w.isEmpty() ? w : w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1))
            .collect(Collectors.joining(" "));
    }

    private static void systemColumns(ObjectNode p) {
        ObjectNode byField = JSON.objectNode();
        byField.set("additionalProperties", typed("string"));
        byField.put("description", "Field-level provenance hashes (maps field names to hashes)");
        byField.put("title", "Metaxy Provenance By Field");
        byField.put("type", "object");
        p.set("metaxy_provenance_by_field", byField);
        p.set("metaxy_provenance", nullable(typed("string"), "metaxy_provenance", "Hash of metaxy_provenance_by_field"));
        p.set("metaxy_feature_version", nullable(typed("string"), "metaxy_feature_version",
            "Hash of the feature definition (dependencies + fields + code_versions)"));
        p.set("metaxy_project_version", nullable(typed("string"), "metaxy_project_version",
            "Hash of the entire feature graph project version"));
        ObjectNode stringMap = typed("object");
        stringMap.set("additionalProperties", typed("string"));
        p.set("metaxy_data_version_by_field", nullable(stringMap, "metaxy_data_version_by_field",
            "Field-level data version hashes (maps field names to version hashes)"));
        p.set("metaxy_data_version", nullable(typed("string"), "metaxy_data_version", "Hash of metaxy_data_version_by_field"));
        ObjectNode dateTime = typed("string");
        dateTime.put("format", "date-time");
        p.set("metaxy_created_at", nullable(dateTime, "metaxy_created_at", "Timestamp when the metadata row was created (UTC)"));
        p.set("metaxy_materialization_id", nullable(typed("string"), "metaxy_materialization_id",
            "External orchestration run ID (e.g., Dagster Run ID)"));
    }

    private static ObjectNode typed(String type) {
        ObjectNode n = JSON.objectNode();
        n.put("type", type);
        return n;
    }

    /** {@code X | None = None}. */
    private static ObjectNode nullable(ObjectNode type, String name, String description) {
        ObjectNode n = JSON.objectNode();
        ArrayNode any = n.putArray("anyOf");
        any.add(type);
        any.add(typed("null"));
        n.putNull("default");
        n.put("description", description);
        n.put("title", title(name));
        return n;
    }
}
