package dev.metaxy.graph.render;

import dev.metaxy.definition.FeatureKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Cards: a header, the dependency edges as {@code dep → feature} lines, then one bordered card per feature (name
 * and badge, versions, fields), stacked in topological order. Plain text; ends with a newline.
 */
public final class CardsRenderer extends GraphRenderer {
    public CardsRenderer(GraphData graph, RenderConfig config) {
        super(graph, config);
    }

    @Override
    public String render() {
        GraphData visible = visibleGraph();
        List<GraphNode> order = new GraphWalker(visible).topologicalOrder();
        StringBuilder b = new StringBuilder();
        b.append(config.showProjectVersion() ? "📊 Graph (snapshot: " + config.hash(visible.projectVersion()) + ")" : "📊 Graph");
        b.append("\n\nDependencies:\n");
        for (GraphNode n : order) {
            for (FeatureKey dep : n.dependencies()) {
                b.append("  ").append(dep).append(" → ").append(n.key()).append('\n');
            }
        }
        b.append("\nFeatures:\n");
        order.forEach(n -> card(b, cardLines(n)));
        return b.toString();
    }

    private List<String> cardLines(GraphNode n) {
        List<String> lines = new ArrayList<>();
        String badge = badge(n.status());
        lines.add(n.key() + (badge.isEmpty() ? "" : " " + badge));
        if (config.showFeatureVersions()) {
            lines.add("v: " + version(n.status(), n.oldVersion(), n.version()));
        }
        if (config.showCodeVersions() && n.codeVersion() != null) {
            lines.add("cv: " + n.codeVersion());
        }
        if (config.showFields() && !n.fields().isEmpty()) {
            lines.add("");
            lines.add("Fields:");
            for (FieldNode f : n.fields()) {
                List<String> parts = new ArrayList<>(List.of(f.key().toString()));
                if (config.showFieldVersions()) {
                    parts.add("(v: " + version(f.status(), f.oldVersion(), f.version()) + ")");
                }
                if (config.showCodeVersions() && f.codeVersion() != null) {
                    parts.add("(cv: " + f.codeVersion() + ")");
                }
                String fb = badge(f.status());
                if (!fb.isEmpty()) {
                    parts.add(fb);
                }
                lines.add("  • " + String.join(" ", parts));
            }
        }
        return lines;
    }

    private String version(NodeStatus status, String oldVersion, String version) {
        return status == NodeStatus.CHANGED && oldVersion != null
            ? config.hash(oldVersion) + " → " + config.hash(version) : config.hash(version);
    }

    private static void card(StringBuilder b, List<String> lines) {
        int width = lines.stream().mapToInt(s -> s.codePointCount(0, s.length())).max().orElse(0);
        b.append("╭").append("─".repeat(width + 2)).append("╮\n");
        for (String l : lines) {
            b.append("│ ").append(l).append(" ".repeat(width - l.codePointCount(0, l.length()))).append(" │\n");
        }
        b.append("╰").append("─".repeat(width + 2)).append("╯\n");
    }
}
