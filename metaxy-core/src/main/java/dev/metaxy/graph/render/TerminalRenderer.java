package dev.metaxy.graph.render;

import dev.metaxy.definition.FeatureKey;
import java.util.ArrayList;
import java.util.List;

/**
 * The terminal tree: a {@code 📊 Graph} root with one branch per feature (topological order) holding its fields and
 * the features it depends on. Plain text, no colours; ends with a newline.
 */
public final class TerminalRenderer extends GraphRenderer {
    public TerminalRenderer(GraphData graph, RenderConfig config) {
        super(graph, config);
    }

    @Override
    public String render() {
        GraphData visible = visibleGraph();
        TextTree root = new TextTree(config.showProjectVersion()
            ? "📊 Graph (snapshot: " + config.hash(visible.projectVersion()) + ")" : "📊 Graph");
        for (GraphNode n : new GraphWalker(visible).topologicalOrder()) {
            TextTree feature = root.add(featureLabel(n));
            if (config.showFields() && !n.fields().isEmpty()) {
                TextTree fields = feature.add("🔧 fields");
                n.fields().forEach(f -> fields.add(fieldLabel(f)));
            }
            if (!n.dependencies().isEmpty()) {
                TextTree deps = feature.add("⬅️  depends on");
                n.dependencies().stream().map(FeatureKey::toString).forEach(deps::add);
            }
        }
        return root.render();
    }

    private String featureLabel(GraphNode n) {
        List<String> parts = new ArrayList<>();
        parts.add(n.key().toString());
        if (config.showProjects() && n.project() != null) {
            parts.add("(project: " + n.project() + ")");
        }
        if (config.showFeatureVersions()) {
            parts.add(version(n.status(), n.oldVersion(), n.version()));
        }
        if (config.showCodeVersions() && n.codeVersion() != null) {
            parts.add("(cv: " + n.codeVersion() + ")");
        }
        addBadge(parts, n.status());
        return String.join(" ", parts);
    }

    private String fieldLabel(FieldNode f) {
        List<String> parts = new ArrayList<>();
        parts.add(f.key().toString());
        if (config.showFieldVersions()) {
            parts.add(version(f.status(), f.oldVersion(), f.version()));
        }
        if (config.showCodeVersions() && f.codeVersion() != null) {
            parts.add("(cv: " + f.codeVersion() + ")");
        }
        addBadge(parts, f.status());
        return String.join(" ", parts);
    }

    private String version(NodeStatus status, String oldVersion, String version) {
        return status == NodeStatus.CHANGED && oldVersion != null
            ? config.hash(oldVersion) + "... → " + config.hash(version) + "..." : "(v: " + config.hash(version) + ")";
    }

    private static void addBadge(List<String> parts, NodeStatus status) {
        String badge = badge(status);
        if (!badge.isEmpty()) {
            parts.add(badge);
        }
    }
}
