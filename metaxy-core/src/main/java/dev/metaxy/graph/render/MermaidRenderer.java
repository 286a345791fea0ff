package dev.metaxy.graph.render;

import dev.metaxy.definition.FeatureKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A Mermaid flowchart, line for line as Python Metaxy writes it: front-matter title, the snapshot comment and init
 * directive, one HTML-labelled node per feature (fields listed inside), then dependency links; in diff mode, border
 * styles per node status. The text ends with a newline.
 */
public final class MermaidRenderer extends GraphRenderer {
    private static final String INIT = "    %%{init: {'flowchart': {'htmlLabels': true, 'curve': 'basis'}, "
        + "'themeVariables': {'fontSize': '14px'}}}%%";
    private static final String OLD_VERSION_COLOR = "#FF0000";
    private static final String NEW_VERSION_COLOR = "#00FF00";

    public MermaidRenderer(GraphData graph, RenderConfig config) {
        super(graph, config);
    }

    /** The node id of a key: {@code /} and {@code -} become {@code _}, {@code __} collapses, lower-cased. */
    public static String nodeId(FeatureKey key) {
        return key.toString().replace("/", "_").replace("-", "_").replace("__", "_").toLowerCase(Locale.ROOT);
    }

    @Override
    public String render() {
        GraphData visible = visibleGraph();
        List<GraphNode> order = new GraphWalker(visible).topologicalOrder();
        boolean diff = visible.isDiff();
        StringBuilder b = new StringBuilder();
        String title = config.title() != null ? config.title() : diff ? "Feature Graph Changes" : "Feature Graph";
        b.append("---\ntitle: ").append(title).append("\n---\n");
        b.append("flowchart ").append(config.direction()).append('\n');
        if (config.showProjectVersion()) {
            b.append("    %% Snapshot version: ").append(config.hash(visible.projectVersion())).append('\n');
        }
        b.append(INIT).append('\n');
        Set<String> drawn = new HashSet<>();
        for (GraphNode n : order) {
            drawn.add(n.key().toString());
            String label = label(n);
            String shape = switch (n.status()) {
                case REMOVED -> "([\"" + label + "\"])";
                case ADDED -> "(\"" + label + "\")";
                default -> "[\"" + label + "\"]";
            };
            b.append("        ").append(nodeId(n.key())).append(shape).append('\n');
        }
        for (GraphNode n : order) {
            for (FeatureKey dep : n.dependencies()) {
                if (drawn.contains(dep.toString())) {
                    b.append("        ").append(nodeId(dep)).append(" --> ").append(nodeId(n.key())).append('\n');
                }
            }
        }
        if (diff) {
            appendStyles(b, visible);
        }
        return b.toString();
    }

    private void appendStyles(StringBuilder b, GraphData visible) {
        List<GraphNode> nodes = new ArrayList<>(visible.nodes().values());
        nodes.sort(Comparator.comparing(n -> n.key().toString().toLowerCase(Locale.ROOT)));
        List<String> styles = new ArrayList<>();
        for (GraphNode n : nodes) {
            String id = nodeId(n.key());
            switch (n.status()) {
                case ADDED, REMOVED, CHANGED -> styles.add("    style " + id + " stroke:" + color(n.status(), FEATURE_COLOR)
                    + ",stroke-width:2px");
                case UNCHANGED -> styles.add("    style " + id + " stroke:" + UNCHANGED_COLOR);
                default -> {
                }
            }
        }
        if (!styles.isEmpty()) {
            b.append('\n');
            styles.forEach(s -> b.append(s).append('\n'));
        }
    }

    private String label(GraphNode n) {
        List<String> lines = new ArrayList<>();
        lines.add("<b>" + n.key() + "</b>");
        if (config.showProjects() && n.project() != null) {
            lines.add("<small><font color=\"#666\">Project: " + n.project() + "</font></small>");
        }
        if (config.showFeatureVersions() || config.showCodeVersions()) {
            List<String> parts = new ArrayList<>();
            if (config.showFeatureVersions() && n.version() != null) {
                parts.add(n.status() == NodeStatus.CHANGED && n.oldVersion() != null
                    ? transition(n.oldVersion(), n.version()) : config.hash(n.version()));
            }
            if (config.showCodeVersions() && n.codeVersion() != null) {
                parts.add("cv: " + n.codeVersion());
            }
            if (!parts.isEmpty()) {
                lines.add(String.join(", ", parts));
            }
        }
        if (config.showFields() && !n.fields().isEmpty()) {
            lines.add("<font color=\"#999\">---</font>");
            n.fields().forEach(f -> lines.add(fieldLine(f)));
        }
        return "<div style=\"text-align:left\">" + String.join("<br/>", lines) + "</div>";
    }

    private String fieldLine(FieldNode f) {
        String name = f.status() == NodeStatus.NORMAL || f.status() == NodeStatus.UNCHANGED ? f.key().toString()
            : "<font color=\"" + color(f.status(), FIELD_COLOR) + "\">" + f.key() + "</font>";
        StringBuilder line = new StringBuilder("- ").append(name);
        List<String> parts = new ArrayList<>();
        if (config.showFieldVersions()) {
            parts.add(f.status() == NodeStatus.CHANGED && f.oldVersion() != null ? transition(f.oldVersion(), f.version())
                : config.hash(f.version()));
        }
        if (config.showCodeVersions() && f.codeVersion() != null) {
            parts.add("cv: " + f.codeVersion());
        }
        if (!parts.isEmpty()) {
            line.append(" (").append(String.join(", ", parts)).append(')');
        }
        return line.toString();
    }

    private String transition(String oldVersion, String newVersion) {
        return "<font color=\"" + OLD_VERSION_COLOR + "\">" + config.hash(oldVersion) + "</font> → <font color=\""
            + NEW_VERSION_COLOR + "\">" + config.hash(newVersion) + "</font>";
    }
}
