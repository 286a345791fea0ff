package dev.metaxy.graph.render;

/**
 * Turns {@link GraphData} into text under a {@link RenderConfig}. Subclasses draw {@link #visibleGraph()}: the
 * project view when a project is set, or the focus subgraph (taken from the whole graph) when a feature is focused.
 */
public abstract class GraphRenderer {
    /** Node and field colours, as Python Metaxy's default theme. */
    static final String FEATURE_COLOR = "#00FFFF";
    static final String FIELD_COLOR = "#5F87AF";
    static final String ADDED_COLOR = "#00FF00";
    static final String REMOVED_COLOR = "#FF0000";
    static final String CHANGED_COLOR = "#FFAA00";
    static final String UNCHANGED_COLOR = "#808080";

    protected final GraphData graph;
    protected final RenderConfig config;

    protected GraphRenderer(GraphData graph, RenderConfig config) {
        this.graph = graph;
        this.config = config;
    }

    /** The rendered text. */
    public abstract String render();

    /** The part of the graph this configuration draws. */
    protected GraphData visibleGraph() {
        GraphData visible = config.project() == null ? graph : new GraphWalker(graph).projectView(config.project());
        return config.featureKey() == null ? visible : new GraphWalker(graph).subgraph(config.featureKey(), config.up(), config.down());
    }

    /** The colour of a status ({@code normal} gets {@code normalColor}). */
    static String color(NodeStatus status, String normalColor) {
        return switch (status) {
            case ADDED -> ADDED_COLOR;
            case REMOVED -> REMOVED_COLOR;
            case CHANGED -> CHANGED_COLOR;
            case UNCHANGED -> UNCHANGED_COLOR;
            case NORMAL -> normalColor;
        };
    }

    /** The diff badge of a status: {@code [+]}, {@code [-]}, {@code [~]}, or empty. */
    static String badge(NodeStatus status) {
        return switch (status) {
            case ADDED -> "[+]";
            case REMOVED -> "[-]";
            case CHANGED -> "[~]";
            default -> "";
        };
    }
}
