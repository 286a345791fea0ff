package dev.metaxy.definition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes feature definitions in Python Metaxy's canonical spec JSON ({@code model_dump(mode="json")}),
 * so that specs pushed by Python load unchanged and re-serialise to the same canonical string.
 * A definition file is a JSON array of specs or {@code {"features": [...]}}; an entry may also be a full
 * definition object {@code {"spec": ..., "feature_schema": ..., "feature_class_path": ..., "project": ...}}.
 */
public final class DefinitionJson {
    /** The JSON marker for "all fields" / "all dependencies". */
    public static final String ALL_DEP = "__METAXY_ALL_DEP__";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> SPEC_KEYS = Set.of("key", "id_columns", "deps", "fields", "metadata", "description");
    private static final Set<String> DEP_KEYS = Set.of("feature", "select", "rename", "fields_mapping", "sql_filters", "filters", "lineage", "optional");
    private static final Set<String> FIELD_KEYS = Set.of("key", "code_version", "deps");
    private static final Set<String> DEFINITION_KEYS = Set.of("spec", "feature_schema", "feature_class_path", "project");

    private DefinitionJson() {
    }

    /** The shared Jackson mapper (floats stay doubles, integers stay integers). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    // ------------------------------------------------------------------ reading

    /** Parses one spec from its JSON text. */
    public static FeatureSpec parseSpec(String json) {
        return readSpec(parse(json, "spec JSON"), "spec");
    }

    /** Reads one spec from a JSON object (missing optional keys get Python's defaults). */
    public static FeatureSpec readSpec(JsonNode node) {
        return readSpec(node, "spec");
    }

    /** Reads a definition file: an array of specs or {@code {"features": [...]}}. */
    public static List<FeatureDefinition> readFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MetaxyDefinitionException("Cannot read definition file " + file + ": " + e.getMessage(), e);
        }
        try {
            return readDefinitions(parse(text, "definition file " + file));
        } catch (InvalidKeyException e) {
            throw new InvalidKeyException("Definition file " + file + ": " + e.getMessage());
        } catch (MetaxyDefinitionException e) {
            throw new MetaxyDefinitionException("Definition file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads definitions from an array of specs or {@code {"features": [...]}}. */
    public static List<FeatureDefinition> readDefinitions(JsonNode root) {
        JsonNode list = root;
        if (root.isObject()) {
            if (!root.has("features") || root.size() != 1) {
                throw new MetaxyDefinitionException("expected a JSON array of feature specs or an object with the single key 'features'");
            }
            list = root.get("features");
        }
        if (!list.isArray()) {
            throw new MetaxyDefinitionException("expected a JSON array of feature specs, got " + kind(list));
        }
        List<FeatureDefinition> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            String where = "features[" + i + "]";
            if (entry.isObject() && entry.has("spec")) {
                out.add(readDefinition(entry, where));
            } else {
                out.add(FeatureDefinition.of(readSpec(entry, where)));
            }
        }
        return out;
    }

    /**
     * Reads one definition object {@code {"spec", "feature_schema", "feature_class_path", "project"}} (the schema as an
     * object or as the JSON string Python's {@code model_dump} writes); {@code where} names it in errors.
     */
    public static FeatureDefinition readDefinition(JsonNode node, String where) {
        checkKeys(node, DEFINITION_KEYS, where);
        FeatureSpec spec = readSpec(node.get("spec"), where + ".spec");
        JsonNode schema = node.get("feature_schema");
        if (schema != null && schema.isTextual()) {
            schema = schemaFromText(schema.asText(), where + ".feature_schema");
        }
        if (schema != null && !schema.isNull() && !schema.isObject()) {
            throw new MetaxyDefinitionException(where + ".feature_schema: expected an object, got " + kind(schema));
        }
        return FeatureDefinition.of(spec, schema == null || schema.isNull() ? null : schema,
            optText(node, "feature_class_path", where), optText(node, "project", where));
    }

    /**
     * Python's {@code FeatureDefinition.model_dump()} and {@code model_dump_json()} write the feature schema as a JSON
     * string (a serialised JSON Schema object): parsed here into the object it holds.
     */
    private static JsonNode schemaFromText(String text, String where) {
        try {
            return MAPPER.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new MetaxyDefinitionException(where + ": a string that is not JSON (" + e.getOriginalMessage() + ")");
        }
    }

    private static FeatureSpec readSpec(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new MetaxyDefinitionException(where + ": expected a JSON object, got " + kind(node));
        }
        if (!node.has("key")) {
            throw new MetaxyDefinitionException(where + ": missing required key 'key'");
        }
        FeatureKey key = featureKey(node.get("key"), where + ".key");
        String here = where;
        if (!node.has("id_columns") || node.get("id_columns").isNull()) {
            throw new MetaxyDefinitionException(here + ": feature '" + key + "' is missing required key 'id_columns'");
        }
        FeatureSpec.Builder b = FeatureSpec.builder(key).idColumns(strings(node.get("id_columns"), here + ".id_columns"));
        JsonNode deps = node.get("deps");
        if (deps != null && !deps.isNull()) {
            requireArray(deps, here + ".deps");
            for (int i = 0; i < deps.size(); i++) {
                b.dependsOn(readDep(deps.get(i), here + ".deps[" + i + "]"));
            }
        }
        JsonNode fields = node.get("fields");
        if (fields != null && !fields.isNull()) {
            requireArray(fields, here + ".fields");
            for (int i = 0; i < fields.size(); i++) {
                b.field(readField(fields.get(i), here + ".fields[" + i + "]"));
            }
        }
        JsonNode metadata = node.get("metadata");
        if (metadata != null && !metadata.isNull()) {
            if (!metadata.isObject()) {
                throw new MetaxyDefinitionException(here + ".metadata: expected an object, got " + kind(metadata));
            }
            b.metadata((ObjectNode) metadata);
        }
        b.description(optText(node, "description", here));
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!SPEC_KEYS.contains(e.getKey())) {
                b.extra(e.getKey(), e.getValue());
            }
        }
        try {
            return b.build();
        } catch (MetaxyDefinitionException e) {
            throw new MetaxyDefinitionException(where + ": " + e.getMessage(), e);
        }
    }

    private static FeatureDep readDep(JsonNode node, String where) {
        if (node.isTextual() || node.isArray()) {
            return FeatureDep.of(featureKey(node, where));
        }
        if (!node.isObject()) {
            throw new MetaxyDefinitionException(where + ": expected a feature key or a dependency object, got " + kind(node));
        }
        checkKeys(node, DEP_KEYS, where);
        if (!node.has("feature")) {
            throw new MetaxyDefinitionException(where + ": missing required key 'feature'");
        }
        if (node.has("sql_filters") && node.has("filters")) {
            throw new MetaxyDefinitionException(where + ": give either 'sql_filters' or its alias 'filters', not both");
        }
        FeatureDep.Builder b = FeatureDep.on(featureKey(node.get("feature"), where + ".feature"));
        JsonNode select = node.get("select");
        if (select != null && !select.isNull()) {
            b.select(strings(select, where + ".select"));
        }
        JsonNode rename = node.get("rename");
        if (rename != null && !rename.isNull()) {
            if (!rename.isObject()) {
                throw new MetaxyDefinitionException(where + ".rename: expected an object {old: new}, got " + kind(rename));
            }
            Map<String, String> map = new LinkedHashMap<>();
            rename.fields().forEachRemaining(e -> map.put(e.getKey(), text(e.getValue(), where + ".rename." + e.getKey())));
            b.rename(map);
        }
        JsonNode mapping = node.get("fields_mapping");
        if (mapping != null && !mapping.isNull()) {
            b.fieldsMapping(readMapping(mapping, where + ".fields_mapping"));
        }
        JsonNode filters = node.has("sql_filters") ? node.get("sql_filters") : node.get("filters");
        if (filters != null && !filters.isNull()) {
            b.sqlFilters(filters.isTextual() ? List.of(filters.asText()) : strings(filters, where + ".sql_filters"));
        }
        JsonNode lineage = node.get("lineage");
        if (lineage != null && !lineage.isNull()) {
            b.lineage(readLineage(lineage, where + ".lineage"));
        }
        JsonNode optional = node.get("optional");
        if (optional != null && !optional.isNull()) {
            if (!optional.isBoolean()) {
                throw new MetaxyDefinitionException(where + ".optional: expected true or false, got " + kind(optional));
            }
            b.optional(optional.booleanValue());
        }
        try {
            return b.build();
        } catch (MetaxyDefinitionException e) {
            throw new MetaxyDefinitionException(where + ": " + e.getMessage(), e);
        }
    }

    private static FieldsMapping readMapping(JsonNode node, String where) {
        JsonNode variant = node;
        if (node.isObject() && node.has("mapping") && !node.has("type")) {
            checkKeys(node, Set.of("mapping"), where);
            variant = node.get("mapping");
        }
        if (!variant.isObject() || !variant.has("type")) {
            throw new MetaxyDefinitionException(where + ": expected {\"mapping\": {\"type\": ...}}");
        }
        String type = text(variant.get("type"), where + ".type");
        switch (type) {
            case "default": {
                checkKeys(variant, Set.of("type", "match_suffix", "exclude_fields"), where);
                JsonNode ms = variant.get("match_suffix");
                if (ms != null && !ms.isNull() && !ms.isBoolean()) {
                    throw new MetaxyDefinitionException(where + ".match_suffix: expected true or false, got " + kind(ms));
                }
                boolean suffix = ms != null && ms.booleanValue();
                List<FieldKey> exclude = new ArrayList<>();
                JsonNode ex = variant.get("exclude_fields");
                if (ex != null && !ex.isNull()) {
                    requireArray(ex, where + ".exclude_fields");
                    for (int i = 0; i < ex.size(); i++) {
                        exclude.add(fieldKey(ex.get(i), where + ".exclude_fields[" + i + "]"));
                    }
                }
                return new FieldsMapping.Default(suffix, exclude);
            }
            case "specific": {
                checkKeys(variant, Set.of("type", "mapping"), where);
                JsonNode m = variant.get("mapping");
                if (m == null || !m.isObject()) {
                    throw new MetaxyDefinitionException(where + ".mapping: expected an object {field: [upstream fields]}");
                }
                Map<FieldKey, List<FieldKey>> map = new LinkedHashMap<>();
                Iterator<Map.Entry<String, JsonNode>> it = m.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String w = where + ".mapping." + e.getKey();
                    requireArray(e.getValue(), w);
                    List<FieldKey> ups = new ArrayList<>();
                    for (int i = 0; i < e.getValue().size(); i++) {
                        ups.add(fieldKey(e.getValue().get(i), w + "[" + i + "]"));
                    }
                    map.put(fieldKey(TextNode.valueOf(e.getKey()), w), ups);
                }
                return FieldsMapping.specific(map);
            }
            case "all":
                checkKeys(variant, Set.of("type"), where);
                return FieldsMapping.all();
            case "none":
                checkKeys(variant, Set.of("type"), where);
                return FieldsMapping.none();
            default:
                throw new MetaxyDefinitionException(where + ": unknown fields mapping type '" + type + "' (expected default, specific, all or none)");
        }
    }

    private static Lineage readLineage(JsonNode node, String where) {
        JsonNode rel = node;
        if (node.isObject() && node.has("relationship") && !node.has("type")) {
            checkKeys(node, Set.of("relationship"), where);
            rel = node.get("relationship");
        }
        if (!rel.isObject() || !rel.has("type")) {
            throw new MetaxyDefinitionException(where + ": expected {\"relationship\": {\"type\": ...}}");
        }
        String type = text(rel.get("type"), where + ".type");
        JsonNode on = rel.get("on");
        switch (type) {
            case "1:1":
                checkKeys(rel, Set.of("type"), where);
                return Lineage.identity();
            case "N:1":
                checkKeys(rel, Set.of("type", "on"), where);
                List<String> groupOn = on == null || on.isNull() ? null : strings(on, where + ".on");
                try {
                    return new Lineage.Aggregation(groupOn);
                } catch (MetaxyDefinitionException e) {
                    throw new MetaxyDefinitionException(where + ".on: " + e.getMessage(), e);
                }
            case "1:N":
                checkKeys(rel, Set.of("type", "on", "id_generation_pattern"), where);
                if (on == null || on.isNull()) {
                    throw new MetaxyDefinitionException(where + ": expansion lineage (1:N) requires 'on'");
                }
                List<String> parentOn = strings(on, where + ".on");
                String pattern = optText(rel, "id_generation_pattern", where);
                try {
                    return new Lineage.Expansion(parentOn, pattern);
                } catch (MetaxyDefinitionException e) {
                    throw new MetaxyDefinitionException(where + ".on: " + e.getMessage(), e);
                }
            default:
                throw new MetaxyDefinitionException(where + ": unknown lineage type '" + type + "' (expected 1:1, N:1 or 1:N)");
        }
    }

    private static FieldSpec readField(JsonNode node, String where) {
        if (node.isTextual() || node.isArray()) {
            return FieldSpec.of(fieldKey(node, where), FieldSpec.DEFAULT_CODE_VERSION, List.of());
        }
        if (!node.isObject()) {
            throw new MetaxyDefinitionException(where + ": expected a field key or a field object, got " + kind(node));
        }
        checkKeys(node, FIELD_KEYS, where);
        FieldKey key = node.has("key") ? fieldKey(node.get("key"), where + ".key") : FieldSpec.DEFAULT_KEY;
        JsonNode cv = node.get("code_version");
        String codeVersion = cv == null || cv.isNull() ? FieldSpec.DEFAULT_CODE_VERSION : scalarText(cv, where + ".code_version");
        JsonNode deps = node.get("deps");
        if (deps != null && deps.isTextual()) {
            if (!ALL_DEP.equals(deps.asText())) {
                throw new MetaxyDefinitionException(where + ".deps: expected a list or \"" + ALL_DEP + "\", got \"" + deps.asText() + "\"");
            }
            return FieldSpec.dependingOnAll(key, codeVersion);
        }
        List<FieldDep> fieldDeps = new ArrayList<>();
        if (deps != null && !deps.isNull()) {
            requireArray(deps, where + ".deps");
            for (int i = 0; i < deps.size(); i++) {
                fieldDeps.add(readFieldDep(deps.get(i), where + ".deps[" + i + "]"));
            }
        }
        return FieldSpec.of(key, codeVersion, fieldDeps);
    }

    private static FieldDep readFieldDep(JsonNode node, String where) {
        if (!node.isObject() || !node.has("feature")) {
            throw new MetaxyDefinitionException(where + ": expected {\"feature\": ..., \"fields\": [...]}");
        }
        checkKeys(node, Set.of("feature", "fields"), where);
        FeatureKey feature = featureKey(node.get("feature"), where + ".feature");
        JsonNode fields = node.get("fields");
        if (fields == null || fields.isNull() || (fields.isTextual() && ALL_DEP.equals(fields.asText()))) {
            return FieldDep.all(feature);
        }
        requireArray(fields, where + ".fields");
        List<FieldKey> keys = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            keys.add(fieldKey(fields.get(i), where + ".fields[" + i + "]"));
        }
        return FieldDep.on(feature, keys);
    }

    // ------------------------------------------------------------------ writing

    /** The spec as Python's {@code model_dump(mode="json")} object, keys in Python's declaration order. */
    public static ObjectNode toJson(FeatureSpec spec) {
        ObjectNode o = NODES.objectNode();
        o.put("key", spec.key().toString());
        ArrayNode ids = o.putArray("id_columns");
        spec.idColumns().forEach(ids::add);
        ArrayNode deps = o.putArray("deps");
        spec.deps().forEach(d -> deps.add(toJson(d)));
        ArrayNode fields = o.putArray("fields");
        spec.fields().forEach(f -> fields.add(toJson(f)));
        o.set("metadata", spec.metadata());
        if (spec.description().isPresent()) {
            o.put("description", spec.description().get());
        } else {
            o.putNull("description");
        }
        spec.extras().forEach((k, v) -> o.set(k, v.deepCopy()));
        return o;
    }

    /** A dependency's JSON object; optional keys are always written, nulls included. */
    public static ObjectNode toJson(FeatureDep dep) {
        ObjectNode o = NODES.objectNode();
        o.put("feature", dep.feature().toString());
        if (dep.select().isPresent()) {
            ArrayNode a = o.putArray("select");
            dep.select().get().forEach(a::add);
        } else {
            o.putNull("select");
        }
        if (dep.rename().isPresent()) {
            ObjectNode r = o.putObject("rename");
            dep.rename().get().forEach(r::put);
        } else {
            o.putNull("rename");
        }
        o.set("fields_mapping", NODES.objectNode().set("mapping", toJson(dep.fieldsMapping())));
        if (dep.sqlFilters().isPresent()) {
            ArrayNode a = o.putArray("sql_filters");
            dep.sqlFilters().get().forEach(a::add);
        } else {
            o.putNull("sql_filters");
        }
        o.set("lineage", NODES.objectNode().set("relationship", toJson(dep.lineage())));
        o.put("optional", dep.optional());
        return o;
    }

    private static ObjectNode toJson(FieldsMapping mapping) {
        ObjectNode o = NODES.objectNode();
        if (mapping instanceof FieldsMapping.Default d) {
            o.put("type", "default");
            o.put("match_suffix", d.matchSuffix());
            ArrayNode ex = o.putArray("exclude_fields");
            d.excludeFields().forEach(k -> ex.add(k.toString()));
        } else if (mapping instanceof FieldsMapping.Specific s) {
            o.put("type", "specific");
            ObjectNode m = o.putObject("mapping");
            s.mapping().forEach((down, ups) -> {
                ArrayNode a = m.putArray(down.toString());
                ups.forEach(u -> {
                    ArrayNode parts = a.addArray();
                    u.parts().forEach(parts::add);
                });
            });
        } else if (mapping instanceof FieldsMapping.All) {
            o.put("type", "all");
        } else {
            o.put("type", "none");
        }
        return o;
    }

    private static ObjectNode toJson(Lineage lineage) {
        ObjectNode o = NODES.objectNode();
        o.put("type", lineage.type());
        if (lineage instanceof Lineage.Aggregation a) {
            if (a.on() == null) {
                o.putNull("on");
            } else {
                ArrayNode on = o.putArray("on");
                a.on().forEach(on::add);
            }
        } else if (lineage instanceof Lineage.Expansion e) {
            ArrayNode on = o.putArray("on");
            e.on().forEach(on::add);
            if (e.idGenerationPattern() == null) {
                o.putNull("id_generation_pattern");
            } else {
                o.put("id_generation_pattern", e.idGenerationPattern());
            }
        }
        return o;
    }

    /** A field's JSON object. */
    public static ObjectNode toJson(FieldSpec field) {
        ObjectNode o = NODES.objectNode();
        o.put("key", field.key().toString());
        o.put("code_version", field.codeVersion());
        if (field.dependsOnAll()) {
            o.put("deps", ALL_DEP);
        } else {
            ArrayNode deps = o.putArray("deps");
            for (FieldDep fd : field.deps()) {
                ObjectNode d = deps.addObject();
                d.put("feature", fd.feature().toString());
                if (fd.isAllFields()) {
                    d.put("fields", ALL_DEP);
                } else {
                    ArrayNode fs = d.putArray("fields");
                    fd.fields().get().forEach(k -> fs.add(k.toString()));
                }
            }
        }
        return o;
    }

    /** A definition object as the system tables store it. */
    public static ObjectNode toJson(FeatureDefinition definition) {
        ObjectNode o = NODES.objectNode();
        o.set("spec", toJson(definition.spec()));
        o.set("feature_schema", definition.schema());
        o.put("feature_class_path", definition.classPath().orElse(null));
        o.put("project", definition.project().orElse(null));
        return o;
    }

    /** Writes {@code {"features": [spec, ...]}}, pretty-printed, to {@code file}. */
    public static void writeFile(Path file, List<FeatureSpec> specs) {
        ObjectNode root = NODES.objectNode();
        ArrayNode arr = root.putArray("features");
        specs.forEach(s -> arr.add(toJson(s)));
        try {
            Files.writeString(file, MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n",
                StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MetaxyDefinitionException("Cannot write definition file " + file + ": " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ helpers

    static JsonNode parse(String text, String what) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new MetaxyDefinitionException(what + " is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MetaxyDefinitionException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A feature key from JSON; an invalid key is reported with its JSON path. */
    private static FeatureKey featureKey(JsonNode node, String where) {
        try {
            return node != null && node.isTextual() ? FeatureKey.of(node.asText()) : FeatureKey.ofParts(keyParts(node, where));
        } catch (InvalidKeyException e) {
            throw new InvalidKeyException(where + ": " + e.getMessage());
        }
    }

    /** A field key from JSON; an invalid key is reported with its JSON path. */
    private static FieldKey fieldKey(JsonNode node, String where) {
        try {
            return node != null && node.isTextual() ? FieldKey.of(node.asText()) : FieldKey.ofParts(keyParts(node, where));
        } catch (InvalidKeyException e) {
            throw new InvalidKeyException(where + ": " + e.getMessage());
        }
    }

    private static List<String> keyParts(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            throw new MetaxyDefinitionException(where + ": key must not be null");
        }
        if (node.isTextual()) {
            String s = node.asText();
            List<String> parts = new ArrayList<>();
            int start = 0;
            for (int i = 0; i <= s.length(); i++) {
                if (i == s.length() || s.charAt(i) == '/') {
                    parts.add(s.substring(start, i));
                    start = i + 1;
                }
            }
            return parts;
        }
        if (node.isArray()) {
            return strings(node, where);
        }
        if (node.isObject() && node.size() == 1 && (node.has("root") || node.has("parts"))) {
            return strings(node.has("root") ? node.get("root") : node.get("parts"), where);
        }
        throw new MetaxyDefinitionException(where + ": expected a key string \"a/b\" or a list of parts, got " + kind(node));
    }

    private static List<String> strings(JsonNode node, String where) {
        requireArray(node, where);
        List<String> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(text(node.get(i), where + "[" + i + "]"));
        }
        return out;
    }

    private static String text(JsonNode node, String where) {
        if (node == null || !node.isTextual()) {
            throw new MetaxyDefinitionException(where + ": expected a string, got " + kind(node));
        }
        return node.asText();
    }

    private static String scalarText(JsonNode node, String where) {
        if (node.isTextual()) {
            return node.asText();
        }
        throw new MetaxyDefinitionException(where + ": expected a string, got " + kind(node));
    }

    private static String optText(JsonNode parent, String name, String where) {
        JsonNode n = parent.get(name);
        return n == null || n.isNull() ? null : text(n, where + "." + name);
    }

    private static void requireArray(JsonNode node, String where) {
        if (node == null || !node.isArray()) {
            throw new MetaxyDefinitionException(where + ": expected a list, got " + kind(node));
        }
    }

    private static void checkKeys(JsonNode node, Set<String> allowed, String where) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!allowed.contains(n)) {
                throw new MetaxyDefinitionException(where + ": unknown key '" + n + "' (allowed: " + new java.util.TreeSet<>(allowed) + ")");
            }
        }
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + node;
    }
}
