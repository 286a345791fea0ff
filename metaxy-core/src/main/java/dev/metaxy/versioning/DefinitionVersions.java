package dev.metaxy.versioning;

import dev.metaxy.definition.DefinitionJson;
import dev.metaxy.definition.FeatureDefinition;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.FieldKey;
import dev.metaxy.definition.FieldSpec;
import dev.metaxy.definition.QualifiedFieldKey;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.graph.GraphException;
import dev.metaxy.hash.Truncation;
import dev.metaxy.json.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Definition-level versions of a {@link FeatureGraph}, byte-identical to Python Metaxy: field versions, feature
 * version, feature code version, spec version, definition version and project version. Each is a truncated
 * SHA-256 hex digest over concatenated UTF-8 strings; truncation applies inside the recursion.
 */
public final class DefinitionVersions {
    /** The project version of a project without features. */
    public static final String EMPTY_PROJECT = "empty";

    private final FeatureGraph graph;
    private final Truncation truncation;
    private final Map<QualifiedFieldKey, String> fieldVersionCache = new HashMap<>();

    /** Versions of {@code graph} with the graph's truncation. */
    public DefinitionVersions(FeatureGraph graph) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.truncation = graph.truncation();
    }

    /** The version of one field: its qualified name, code version and its parents' versions. */
    public synchronized String fieldVersion(Object feature, FieldKey field) {
        FeatureKey key = graph.keyOf(feature);
        return fieldVersion(new QualifiedFieldKey(key, field), new ArrayList<>());
    }

    private String fieldVersion(QualifiedFieldKey q, List<QualifiedFieldKey> stack) {
        FeatureDefinition def = graph.definition(q.feature());
        String override = def.provenanceOverrides().get(q.field());
        if (override != null) {
            return override;
        }
        String cached = fieldVersionCache.get(q);
        if (cached != null) {
            return cached;
        }
        if (stack.contains(q)) {
            throw new GraphException("Field dependency cycle at " + q);
        }
        stack.add(q);
        FieldSpec fs = def.spec().field(q.field()).orElseThrow(() -> new GraphException(
            "Feature '" + q.feature() + "' has no field '" + q.field() + "'"));
        MessageDigest h = sha256();
        update(h, q.toString());
        update(h, fs.codeVersion());
        for (QualifiedFieldKey parent : FieldLineage.parents(graph, q.feature(), q.field())) {
            update(h, fieldVersion(parent, stack));
        }
        stack.remove(stack.size() - 1);
        String v = truncation.apply(hex(h.digest()));
        fieldVersionCache.put(q, v);
        return v;
    }

    /** Field versions of a feature keyed by field key string, in spec order. */
    public Map<String, String> fieldVersions(Object feature) {
        FeatureKey key = graph.keyOf(feature);
        Map<String, String> out = new LinkedHashMap<>();
        for (FieldSpec f : graph.spec(key).fields()) {
            out.put(f.key().toString(), fieldVersion(key, f.key()));
        }
        return out;
    }

    /** {@code metaxy_feature_version}: the hash of the sorted (field key, field version) pairs. */
    public String featureVersion(Object feature) {
        Map<String, String> sorted = new TreeMap<>(fieldVersions(feature));
        MessageDigest h = sha256();
        sorted.forEach((k, v) -> {
            update(h, k);
            update(h, v);
        });
        return truncation.apply(hex(h.digest()));
    }

    /** The feature code version: the hash of the sorted (field key, code version) pairs. */
    public String featureCodeVersion(Object feature) {
        List<FieldSpec> fields = new ArrayList<>(graph.spec(feature).fields());
        fields.sort(Comparator.comparing(f -> f.key().toString()));
        MessageDigest h = sha256();
        for (FieldSpec f : fields) {
            update(h, f.key().toString());
            update(h, f.codeVersion());
        }
        return truncation.apply(hex(h.digest()));
    }

    /** The spec version: the hash of the spec's canonical JSON. */
    public String featureSpecVersion(Object feature) {
        return specVersion(graph.spec(feature), truncation);
    }

    /** The spec version of any spec, without a graph. */
    public static String specVersion(FeatureSpec spec, Truncation truncation) {
        return truncation.apply(sha256Hex(CanonicalJson.write(DefinitionJson.toJson(spec))));
    }

    /** {@code metaxy_definition_version}: the hash of the (truncated) spec version and the schema's canonical JSON. */
    public String definitionVersion(Object feature) {
        FeatureDefinition def = graph.definition(feature);
        MessageDigest h = sha256();
        update(h, featureSpecVersion(def.key()));
        update(h, CanonicalJson.write(def.schema()));
        return truncation.apply(hex(h.digest()));
    }

    /** The project version of {@code project}: over its non-external features sorted by key parts. */
    public String projectVersion(String project) {
        List<FeatureDefinition> feats = new ArrayList<>();
        for (FeatureDefinition d : graph.definitions()) {
            if (!d.isExternal() && Objects.equals(d.project().orElse(null), project)) {
                feats.add(d);
            }
        }
        return projectVersionOf(feats);
    }

    /**
     * The project version of the graph's single project: the one project of its features that are not external
     * placeholders (or of all those features when none names a project), as Python's {@code graph.project_version}.
     */
    public String projectVersion() {
        Set<String> projects = new java.util.TreeSet<>();
        graph.definitions().stream().filter(d -> !d.isExternal()).forEach(d -> d.project().ifPresent(projects::add));
        if (projects.size() > 1) {
            throw new GraphException("The graph holds features of several projects " + projects
                + "; name the project whose version you want");
        }
        if (projects.isEmpty()) {
            List<FeatureDefinition> feats = new ArrayList<>();
            graph.definitions().stream().filter(d -> !d.isExternal()).forEach(feats::add);
            return projectVersionOf(feats);
        }
        return projectVersion(projects.iterator().next());
    }

    private String projectVersionOf(List<FeatureDefinition> feats) {
        if (feats.isEmpty()) {
            return EMPTY_PROJECT;
        }
        feats.sort(Comparator.comparing(FeatureDefinition::key));
        MessageDigest h = sha256();
        for (FeatureDefinition d : feats) {
            update(h, d.key().toString());
            update(h, definitionVersion(d.key()));
        }
        return truncation.apply(hex(h.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private static void update(MessageDigest h, String s) {
        h.update(s.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256Hex(String s) {
        return hex(sha256().digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }

    /** The field key objects of a feature, for callers iterating versions. */
    public List<FieldKey> fieldKeys(Object feature) {
        return graph.spec(feature).fieldKeys();
    }
}
