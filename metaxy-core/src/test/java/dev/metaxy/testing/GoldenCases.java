package dev.metaxy.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.metaxy.definition.DefinitionJson;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.expr.Expression;
import dev.metaxy.expr.Expressions;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.hash.Truncation;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the golden vectors ({@link SharedFiles#goldenVectors()}) and turns a case's JSON into engine inputs. Expected
 * values always come from the file, never from code.
 */
public final class GoldenCases {
    /** How many {@code "kind": "sample"} cases the golden vectors hold. */
    public static final int SAMPLE_CASES = 43;
    private static final ObjectMapper MAPPER = DefinitionJson.mapper();

    private GoldenCases() {
    }

    /** The whole golden vectors document. */
    public static JsonNode vectors() throws IOException {
        return MAPPER.readTree(Files.readString(SharedFiles.goldenVectors()));
    }

    /** The entries of {@code cases} whose {@code kind} is {@code "sample"}, in file order. */
    public static List<JsonNode> sampleCases() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode c : vectors().get("cases")) {
            if (c.get("kind").asText().equals("sample")) {
                out.add(c);
            }
        }
        return out;
    }

    /** A case's {@code hash_truncation_length} (absent or null: no truncation). */
    public static Truncation truncation(JsonNode c) {
        JsonNode l = c.get("hash_truncation_length");
        return l == null || l.isNull() ? Truncation.NONE : Truncation.of(l.asInt());
    }

    /** A graph of a case's {@code features}, with its {@link #truncation}. */
    public static FeatureGraph graph(JsonNode c) {
        FeatureGraph graph = new FeatureGraph(truncation(c));
        for (JsonNode specJson : c.get("features")) {
            graph.register(DefinitionJson.readSpec(specJson));
        }
        return graph;
    }

    /** A sample case's {@code hash_algorithm}. */
    public static HashAlgorithm algorithm(JsonNode c) {
        return HashAlgorithm.fromName(c.get("hash_algorithm").asText());
    }

    /** A case's {@code runtime_filters} (feature to {@code column op value} filters), empty when absent. */
    public static Map<FeatureKey, List<Expression>> runtimeFilters(JsonNode c) {
        Map<FeatureKey, List<Expression>> filters = new HashMap<>();
        JsonNode rf = c.get("runtime_filters");
        if (rf != null && !rf.isNull()) {
            rf.properties().forEach(e -> {
                List<Expression> list = new ArrayList<>();
                for (JsonNode f : e.getValue()) {
                    list.add(Expressions.parse(f.get("column").asText() + " " + f.get("op").asText() + " "
                        + f.get("value").toString().replace('"', '\'')));
                }
                filters.put(FeatureKey.of(e.getKey()), list);
            });
        }
        return filters;
    }

    /** A JSON array of row objects as maps (by-field objects become nested maps). */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> rows(JsonNode array) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (JsonNode r : array) {
            out.add(MAPPER.convertValue(r, LinkedHashMap.class));
        }
        return out;
    }

    /** The columns a sample case's expected rows are compared on: those of its first expected row. */
    public static List<String> comparedColumns(List<Map<String, Object>> expected) {
        return expected.isEmpty() ? List.of() : new ArrayList<>(expected.get(0).keySet());
    }
}
