package dev.metaxy.graph.render;

import dev.metaxy.definition.FeatureKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Graphviz DOT: a strict digraph with one node per feature (roots as double octagons), dependency edges, and
 * (when fields are shown) an ellipse per field tied to its feature by a dashed line. Colours follow diff status.
 */
public final class GraphvizRenderer extends GraphRenderer {
    public GraphvizRenderer(GraphData graph, RenderConfig config) {
        super(graph, config);
    }

    @Override
    public String render() {
        GraphData visible = visibleGraph();
        List<String> lines = new ArrayList<>();
        lines.add("strict digraph {");
        lines.add("    rankdir=" + config.direction() + ";");
        String label = config.showProjectVersion() ? "Graph (snapshot: " + config.hash(visible.projectVersion()) + ")" : "Graph";
        lines.add("    label=\"" + label + "\";");
        lines.add("    labelloc=t;");
        lines.add("    fontsize=14;");
        lines.add("    fontname=helvetica;");
        lines.add("");
        for (GraphNode n : new GraphWalker(visible).topologicalOrder()) {
            lines.add("    \"" + n.key() + "\" [label=\"" + featureLabel(n) + "\", shape=" + shape(n) + ", color=\""
                + color(n.status(), FEATURE_COLOR) + "\"];");
        }
        lines.add("");
        for (GraphNode n : visible.nodes().values()) {
            for (FeatureKey dep : n.dependencies()) {
                if (visible.nodes().containsKey(dep.toString())) {
                    lines.add("    \"" + dep + "\" -> \"" + n.key() + "\";");
                }
            }
        }
        lines.add("");
        if (config.showFields()) {
            for (GraphNode n : visible.nodes().values()) {
                for (FieldNode f : n.fields()) {
                    String id = n.key() + "::" + f.key();
                    lines.add("    \"" + id + "\" [label=\"" + fieldLabel(f) + "\", shape=ellipse, color=\""
                        + color(f.status(), FIELD_COLOR) + "\", fontsize=10];");
                    lines.add("    \"" + n.key() + "\" -> \"" + id + "\" [style=dashed, arrowhead=none];");
                }
            }
        }
        lines.add("}");
        return String.join("\n", lines);
    }

    private static String shape(GraphNode n) {
        if (n.dependencies().isEmpty()) {
            return "doubleoctagon";
        }
        return switch (n.status()) {
            case REMOVED -> "octagon";
            case ADDED -> "oval";
            default -> "box";
        };
    }

    private String featureLabel(GraphNode n) {
        StringBuilder b = new StringBuilder(n.key().toString());
        if (n.status() != NodeStatus.NORMAL) {
            b.append("\\n").append("[").append(n.status()).append("]");
        }
        if (config.showFeatureVersions()) {
            b.append("\\nv: ").append(version(n.status(), n.oldVersion(), n.version()));
        }
        if (config.showCodeVersions() && n.codeVersion() != null) {
            b.append("\\ncv: ").append(n.codeVersion());
        }
        return b.toString();
    }

    private String fieldLabel(FieldNode f) {
        StringBuilder b = new StringBuilder(f.key().toString());
        if (f.status() != NodeStatus.NORMAL) {
            b.append("\\n").append("[").append(f.status()).append("]");
        }
        if (config.showFieldVersions()) {
            b.append("\\nv: ").append(version(f.status(), f.oldVersion(), f.version()));
        }
        if (config.showCodeVersions() && f.codeVersion() != null) {
            b.append("\\ncv: ").append(f.codeVersion());
        }
        return b.toString();
    }

    private String version(NodeStatus status, String oldVersion, String version) {
        return status == NodeStatus.CHANGED && oldVersion != null
            ? config.hash(oldVersion) + " → " + config.hash(version) : config.hash(version);
    }
}
