package dev.metaxy.graph.render;

import dev.metaxy.definition.FeatureKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Comparator;

/** Orders and cuts {@link GraphData}: topological order with case-insensitive ties, focus subgraphs, project views. */
public final class GraphWalker {
    private static final Comparator<String> CASE_INSENSITIVE = Comparator.comparing(s -> s.toLowerCase(Locale.ROOT));

    private final GraphData data;

    public GraphWalker(GraphData data) {
        this.data = data;
    }

    /** Nodes with dependencies first; roots and dependencies visited in case-insensitive key order. */
    public List<GraphNode> topologicalOrder() {
        List<GraphNode> out = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        List<String> keys = new ArrayList<>(data.nodes().keySet());
        keys.sort(CASE_INSENSITIVE);
        keys.forEach(k -> visit(k, visited, out));
        return out;
    }

    private void visit(String key, Set<String> visited, List<GraphNode> out) {
        if (!data.nodes().containsKey(key) || !visited.add(key)) {
            return;
        }
        GraphNode node = data.nodes().get(key);
        List<String> deps = new ArrayList<>(node.dependencies().stream().map(FeatureKey::toString).toList());
        deps.sort(CASE_INSENSITIVE);
        deps.forEach(d -> visit(d, visited, out));
        out.add(node);
    }

    /**
     * The focus feature with {@code up} levels of dependencies and {@code down} levels of dependents (null or
     * negative = all, 0 = none).
     */
    public GraphData subgraph(FeatureKey focus, Integer up, Integer down) {
        String start = focus.toString();
        if (!data.nodes().containsKey(start)) {
            throw new IllegalArgumentException("Feature '" + start + "' not found in graph");
        }
        Set<String> keep = new HashSet<>(Set.of(start));
        if (up == null || up != 0) {
            walk(start, levels(up), upstreamEdges(), keep);
        }
        if (down == null || down != 0) {
            walk(start, levels(down), downstreamEdges(), keep);
        }
        return restrict(keep);
    }

    /** Features of {@code project} plus the features they depend on directly. */
    public GraphData projectView(String project) {
        Set<String> keep = new HashSet<>();
        for (GraphNode n : data.nodes().values()) {
            if (project.equals(n.project())) {
                keep.add(n.key().toString());
                n.dependencies().forEach(d -> keep.add(d.toString()));
            }
        }
        keep.retainAll(data.nodes().keySet());
        return restrict(keep);
    }

    private static Integer levels(Integer n) {
        return n == null || n < 0 ? null : n;
    }

    private GraphData restrict(Set<String> keep) {
        Map<String, GraphNode> nodes = new LinkedHashMap<>();
        data.nodes().forEach((k, v) -> {
            if (keep.contains(k)) {
                nodes.put(k, v);
            }
        });
        return new GraphData(nodes, data.projectVersion());
    }

    private static void walk(String start, Integer max, Map<String, List<String>> edges, Set<String> keep) {
        Set<String> seen = new HashSet<>();
        List<String> frontier = List.of(start);
        for (int level = 0; !frontier.isEmpty() && (max == null || level < max); level++) {
            List<String> next = new ArrayList<>();
            for (String k : frontier) {
                for (String n : edges.getOrDefault(k, List.of())) {
                    if (seen.add(n)) {
                        next.add(n);
                    }
                }
            }
            keep.addAll(next);
            frontier = next;
        }
    }

    private Map<String, List<String>> upstreamEdges() {
        Map<String, List<String>> edges = new LinkedHashMap<>();
        data.nodes().forEach((k, n) -> edges.put(k, n.dependencies().stream().map(FeatureKey::toString)
            .filter(data.nodes()::containsKey).toList()));
        return edges;
    }

    private Map<String, List<String>> downstreamEdges() {
        Map<String, List<String>> edges = new LinkedHashMap<>();
        data.nodes().forEach((k, n) -> n.dependencies().forEach(d -> edges.computeIfAbsent(d.toString(), x -> new ArrayList<>()).add(k)));
        return edges;
    }
}
