package dev.metaxy.graph.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The merged diff as plain text, as the reference's terminal format prints it without colours: unchanged features,
 * then changed, added and removed ones, each with its version(s), dependencies and fields ({@code +} added,
 * {@code -} removed, {@code ~} re-versioned).
 */
public final class DiffTextRenderer {
    private final GraphDiff diff;
    private final FieldDisplay fields;

    public DiffTextRenderer(GraphDiff diff, FieldDisplay fields) {
        this.diff = diff;
        this.fields = fields;
    }

    public String render() {
        if (diff.nodes().isEmpty()) {
            return "Empty graph (no features)";
        }
        List<String> lines = new ArrayList<>();
        lines.add("Feature Graph (merged view):");
        lines.add("");
        List<DiffNode> sorted = new ArrayList<>(diff.nodes().values());
        sorted.sort(Comparator.comparing(DiffNode::status).thenComparing(DiffNode::key));
        for (DiffNode n : sorted) {
            feature(n, lines);
            lines.add("");
        }
        return String.join("\n", lines);
    }

    private void feature(DiffNode n, List<String> lines) {
        String symbol = switch (n.status()) {
            case ADDED -> "+";
            case REMOVED -> "-";
            case CHANGED -> "~";
            case UNCHANGED -> " ";
        };
        String status = n.status() == DiffStatus.UNCHANGED ? "" : "(" + n.status().label() + ")";
        lines.add(symbol + " " + n.key() + " " + status);
        lines.add(switch (n.status()) {
            case ADDED, UNCHANGED -> "  version: " + DiffHashes.shortHash(n.newVersion(), 8) + "...";
            case REMOVED -> "  version: " + DiffHashes.shortHash(n.oldVersion(), 8) + "...";
            case CHANGED -> "  version: " + DiffHashes.shortHash(n.oldVersion(), 8) + "... → " + DiffHashes.shortHash(n.newVersion(), 8) + "...";
        });
        if (!n.dependencies().isEmpty()) {
            lines.add("  depends on: " + String.join(", ", n.dependencies()));
        }
        if (n.fields().isEmpty() || fields == FieldDisplay.NONE) {
            return;
        }
        lines.add("  fields:");
        Map<String, FieldChange> changes = DiffHashes.changesByField(n);
        TreeSet<String> keys = new TreeSet<>(changes.keySet());
        if (fields == FieldDisplay.ALL) {
            keys.addAll(n.fields().keySet());
        }
        for (String k : keys) {
            FieldChange c = changes.get(k);
            if (c == null) {
                lines.add("      " + k + " (" + DiffHashes.shortHash(n.fields().get(k), 8) + "...)");
            } else if (c.isAdded()) {
                lines.add("    + " + k + " (" + DiffHashes.shortHash(c.newVersion(), 8) + "...)");
            } else if (c.isRemoved()) {
                lines.add("    - " + k + " (" + DiffHashes.shortHash(c.oldVersion(), 8) + "...)");
            } else {
                lines.add("    ~ " + k + " (" + DiffHashes.shortHash(c.oldVersion(), 8) + "... → "
                    + DiffHashes.shortHash(c.newVersion(), 8) + "...)");
            }
        }
    }
}
