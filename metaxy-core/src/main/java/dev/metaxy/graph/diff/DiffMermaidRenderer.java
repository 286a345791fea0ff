package dev.metaxy.graph.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The merged diff as a Mermaid flowchart, as the reference draws it: one node per feature with its version(s) and
 * fields, the border coloured by status (green added, red removed, orange changed), and the dependency edges.
 */
public final class DiffMermaidRenderer {
    private static final String OLD = "<font color=\"#CC0000\">";
    private static final String NEW = "<font color=\"#00AA00\">";
    private static final String END = "</font>";

    private final GraphDiff diff;
    private final FieldDisplay fields;

    public DiffMermaidRenderer(GraphDiff diff, FieldDisplay fields) {
        this.diff = diff;
        this.fields = fields;
    }

    public String render() {
        List<String> lines = new ArrayList<>(List.of("---", "title: Feature Graph Changes", "---", "flowchart TB",
            "    %%{init: {'flowchart': {'htmlLabels': true, 'curve': 'basis'}, 'themeVariables': {'fontSize': '14px'}}}%%", ""));
        if (diff.nodes().isEmpty()) {
            lines.add("    Empty[No features]");
            return String.join("\n", lines);
        }
        for (DiffNode n : diff.nodes().values()) {
            String id = id(n.key());
            lines.add("    " + id + "[\"<div style=\"text-align:left\">" + String.join("<br/>", label(n)) + "</div>\"]");
            String stroke = switch (n.status()) {
                case ADDED -> "#00FF00";
                case REMOVED -> "#FF0000";
                case CHANGED -> "#FFAA00";
                case UNCHANGED -> null;
            };
            if (stroke != null) {
                lines.add("    style " + id + " stroke:" + stroke + ",stroke-width:2px");
            }
        }
        lines.add("");
        diff.edges().forEach(e -> lines.add("    " + id(e.from()) + " --> " + id(e.to())));
        lines.add("");
        return String.join("\n", lines);
    }

    private List<String> label(DiffNode n) {
        List<String> parts = new ArrayList<>();
        parts.add("<b>" + n.key() + "</b>");
        parts.add(switch (n.status()) {
            case CHANGED -> OLD + h(n.oldVersion()) + END + " → " + NEW + h(n.newVersion()) + END;
            case REMOVED -> h(n.oldVersion());
            case ADDED, UNCHANGED -> h(n.newVersion());
        });
        if (n.fields().isEmpty() || fields == FieldDisplay.NONE) {
            return parts;
        }
        parts.add("<font color=\"#999\">---</font>");
        Map<String, FieldChange> changes = DiffHashes.changesByField(n);
        TreeSet<String> keys = new TreeSet<>();
        if (fields == FieldDisplay.ALL) {
            keys.addAll(n.fields().keySet());
            keys.addAll(changes.keySet());
        } else if (n.status() == DiffStatus.CHANGED) {
            keys.addAll(changes.keySet());
        }
        for (String k : keys) {
            FieldChange c = changes.get(k);
            if (c == null) {
                String v = n.fields().get(k);
                if (v != null && !v.isEmpty()) {
                    parts.add("- " + k + " (" + h(v) + ")");
                }
            } else if (c.isAdded()) {
                parts.add(NEW + "- " + k + " (" + h(c.newVersion()) + ")" + END);
            } else if (c.isRemoved()) {
                parts.add(OLD + "- " + k + " (" + h(c.oldVersion()) + ")" + END);
            } else {
                parts.add("- <font color=\"#FFAA00\">" + k + END + " (" + OLD + h(c.oldVersion()) + END + " → " + NEW
                    + h(c.newVersion()) + END + ")");
            }
        }
        return parts;
    }

    private static String h(String version) {
        return DiffHashes.shortHash(version, 6);
    }

    private static String id(String key) {
        return key.replace("/", "_").replace("-", "_");
    }
}
