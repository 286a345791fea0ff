package dev.metaxy.graph.render;

import java.util.ArrayList;
import java.util.List;

/** A labelled tree drawn with box characters ({@code ├──}, {@code └──}, {@code │}), one node per line. */
final class TextTree {
    private final String label;
    private final List<TextTree> children = new ArrayList<>();

    TextTree(String label) {
        this.label = label;
    }

    /** Adds and returns a child. */
    TextTree add(String childLabel) {
        TextTree child = new TextTree(childLabel);
        children.add(child);
        return child;
    }

    /** The tree as lines, each ending with a newline. */
    String render() {
        StringBuilder b = new StringBuilder(label).append('\n');
        appendChildren(b, "");
        return b.toString();
    }

    private void appendChildren(StringBuilder b, String prefix) {
        for (int i = 0; i < children.size(); i++) {
            boolean last = i == children.size() - 1;
            TextTree c = children.get(i);
            b.append(prefix).append(last ? "└── " : "├── ").append(c.label).append('\n');
            c.appendChildren(b, prefix + (last ? "    " : "│   "));
        }
    }
}
