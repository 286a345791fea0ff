package dev.metaxy.graph.render;

import dev.metaxy.definition.FeatureKey;
import java.util.List;

/**
 * One rendered feature: key, feature version (null when removed), previous version in diffs, fields, the keys it
 * depends on (declaration order), diff status and project.
 */
public record GraphNode(FeatureKey key, String version, String oldVersion, String codeVersion, List<FieldNode> fields,
                        List<FeatureKey> dependencies, NodeStatus status, String project) {
    public GraphNode {
        fields = List.copyOf(fields);
        dependencies = List.copyOf(dependencies);
    }
}
