package dev.metaxy.graph.render;

import dev.metaxy.definition.FeatureDefinition;
import dev.metaxy.definition.FeatureDep;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.definition.FieldSpec;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.versioning.DefinitionVersions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The graph every renderer draws: nodes by key string (in graph order) and the project version shown in headers.
 * Edges are the nodes' dependencies (dependency → dependent).
 */
public record GraphData(Map<String, GraphNode> nodes, String projectVersion) {
    public GraphData {
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
    }

    /** The nodes of a feature graph with their current feature and field versions. */
    public static GraphData of(FeatureGraph graph, String projectVersion) {
        DefinitionVersions versions = graph.versions();
        Map<String, GraphNode> nodes = new LinkedHashMap<>();
        for (FeatureDefinition d : graph.definitions()) {
            List<FieldNode> fields = new ArrayList<>();
            for (FieldSpec f : d.spec().fields()) {
                fields.add(FieldNode.of(f.key(), versions.fieldVersion(d.key(), f.key()), f.codeVersion()));
            }
            List<FeatureKey> deps = d.spec().deps().stream().map(FeatureDep::feature).toList();
            nodes.put(d.key().toString(), new GraphNode(d.key(), versions.featureVersion(d.key()), null, null, fields, deps,
                NodeStatus.NORMAL, d.project().orElse(null)));
        }
        return new GraphData(nodes, projectVersion);
    }

    /** The node of {@code key}, or null. */
    public GraphNode node(FeatureKey key) {
        return nodes.get(key.toString());
    }

    /** True when any node carries a diff status. */
    public boolean isDiff() {
        return nodes.values().stream().anyMatch(n -> n.status() != NodeStatus.NORMAL);
    }
}
