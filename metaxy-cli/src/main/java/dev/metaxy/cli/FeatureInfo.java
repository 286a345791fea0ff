package dev.metaxy.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metaxy.config.MetaxyConfig;
import dev.metaxy.definition.FeatureDefinition;
import dev.metaxy.definition.FeatureDep;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.definition.FieldSpec;
import dev.metaxy.definition.QualifiedFieldKey;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.versioning.DefinitionVersions;
import dev.metaxy.versioning.FieldLineage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The per-feature facts {@code list features} and {@code describe features} print: source, fields, field lineage. */
public final class FeatureInfo {
    private final FeatureGraph graph;
    private final FeatureDefinition definition;
    private final Optional<Path> definitionFile;

    /** {@code definitionFile}: the JSON definition file the feature came from, relative to the project (if any). */
    public FeatureInfo(FeatureGraph graph, FeatureKey key, Optional<Path> definitionFile) {
        this.graph = graph;
        this.definition = graph.definition(key);
        this.definitionFile = definitionFile;
    }

    /** The facts of {@code key} in the context's graph, its definition file relative to the project directory. */
    public static FeatureInfo of(CliContext ctx, FeatureGraph graph, FeatureKey key) {
        MetaxyConfig config = ctx.config();
        return new FeatureInfo(graph, key, config.definitionFile(key).map(f -> config.baseDirectory().relativize(f)));
    }

    public FeatureDefinition definition() {
        return definition;
    }

    /** Where the feature comes from: its class path, else its definition file, else {@code ?}. */
    public String source() {
        return definition.source().or(() -> definition.classPath().filter(s -> !s.isEmpty()))
            .or(() -> definitionFile.map(f -> f.toString().replace('\\', '/'))).orElse("?");
    }

    public String version() {
        return graph.versions().featureVersion(definition.key());
    }

    /** {@code [{key, code_version, version[, deps]}]}; {@code deps} only when {@code withDeps} and the feature has deps. */
    public ArrayNode fields(boolean withDeps) {
        DefinitionVersions versions = graph.versions();
        ArrayNode out = JsonOutput.array();
        for (FieldSpec f : definition.spec().fields()) {
            ObjectNode o = out.addObject();
            o.put("key", f.key().toString());
            o.put("code_version", f.codeVersion());
            o.put("version", versions.fieldVersion(definition.key(), f.key()));
            if (withDeps && !definition.spec().isRoot()) {
                Map<FeatureKey, List<String>> deps = fieldDeps(f);
                if (!deps.isEmpty()) {
                    ArrayNode arr = o.putArray("deps");
                    deps.forEach((feature, fields) -> {
                        ObjectNode d = arr.addObject();
                        d.put("feature", feature.toString());
                        ArrayNode names = d.putArray("fields");
                        fields.forEach(names::add);
                    });
                }
            }
        }
        return out;
    }

    /** The upstream fields of {@code field}, grouped by upstream feature in dependency order. */
    private Map<FeatureKey, List<String>> fieldDeps(FieldSpec field) {
        Map<FeatureKey, List<String>> grouped = new LinkedHashMap<>();
        definition.spec().deps().forEach(d -> grouped.put(d.feature(), new ArrayList<>()));
        for (QualifiedFieldKey q : FieldLineage.parents(graph, definition.key(), field.key())) {
            grouped.computeIfAbsent(q.feature(), k -> new ArrayList<>()).add(q.field().toString());
        }
        grouped.values().removeIf(List::isEmpty);
        return grouped;
    }

    /** Keys of the features this one depends on, in declaration order. */
    public List<String> dependencyKeys() {
        return definition.spec().deps().stream().map(FeatureDep::feature).map(FeatureKey::toString).toList();
    }
}
