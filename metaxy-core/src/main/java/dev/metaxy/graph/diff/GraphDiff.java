package dev.metaxy.graph.diff;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metaxy.definition.DefinitionJson;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The merged view of two graph snapshots (reference {@code graph-diff}): every feature of either side with its
 * {@link DiffStatus}, keys sorted case-insensitively, and the dependency edges {@code from} dependency {@code to}
 * dependent. Built by {@link GraphDiffer}; {@link #focus} keeps a feature's neighbourhood.
 */
public record GraphDiff(String fromProjectVersion, String toProjectVersion, Map<String, DiffNode> nodes, List<Edge> edges) {
    /** A dependency edge. */
    public record Edge(String from, String to) {
    }

    public GraphDiff {
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        edges = List.copyOf(edges);
    }

    /** The nodes with {@code status}, in key order. */
    public List<DiffNode> withStatus(DiffStatus status) {
        return nodes.values().stream().filter(n -> n.status() == status).toList();
    }

    /** Whether any feature was added, removed or changed. */
    public boolean hasChanges() {
        return nodes.values().stream().anyMatch(n -> n.status() != DiffStatus.UNCHANGED);
    }

    /**
     * Only {@code feature} ({@code a/b} or {@code a__b}), up to {@code up} levels of its dependencies and {@code down}
     * levels of its dependents (null: all levels), and the edges between those.
     *
     * @throws IllegalArgumentException when the feature is in neither snapshot
     */
    public GraphDiff focus(String feature, Integer up, Integer down) {
        String key = feature.contains("/") ? feature : feature.replace("__", "/");
        if (!nodes.containsKey(key)) {
            throw new IllegalArgumentException("Feature '" + feature + "' not found in graph");
        }
        Map<String, List<String>> dependencies = new HashMap<>();
        Map<String, List<String>> dependents = new HashMap<>();
        for (Edge e : edges) {
            dependencies.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e.from());
            dependents.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
        }
        Set<String> keep = new HashSet<>();
        keep.add(key);
        keep.addAll(reachable(key, dependencies, up));
        keep.addAll(reachable(key, dependents, down));
        Map<String, DiffNode> kept = new LinkedHashMap<>();
        nodes.forEach((k, n) -> {
            if (keep.contains(k)) {
                kept.put(k, n);
            }
        });
        List<Edge> keptEdges = edges.stream().filter(e -> keep.contains(e.from()) && keep.contains(e.to())).toList();
        return new GraphDiff(fromProjectVersion, toProjectVersion, kept, keptEdges);
    }

    /** Keys within {@code levels} steps of {@code start} along {@code next} (null: any number of steps). */
    private static Set<String> reachable(String start, Map<String, List<String>> next, Integer levels) {
        Set<String> seen = new HashSet<>();
        Deque<Map.Entry<String, Integer>> queue = new ArrayDeque<>();
        queue.add(Map.entry(start, 0));
        while (!queue.isEmpty()) {
            Map.Entry<String, Integer> at = queue.poll();
            if (levels != null && at.getValue() >= levels) {
                continue;
            }
            for (String n : next.getOrDefault(at.getKey(), List.of())) {
                if (!n.equals(start) && seen.add(n)) {
                    queue.add(Map.entry(n, at.getValue() + 1));
                }
            }
        }
        return seen;
    }

    /**
     * The reference's JSON: {@code {nodes: {key: {status, old_version, new_version, dependencies, field_changes}},
     * edges: [{from, to}]}}.
     */
    public ObjectNode toJson() {
        ObjectNode root = DefinitionJson.mapper().createObjectNode();
        ObjectNode ns = root.putObject("nodes");
        nodes.forEach((k, n) -> {
            ObjectNode o = ns.putObject(k);
            o.put("status", n.status().label());
            o.put("old_version", n.oldVersion());
            o.put("new_version", n.newVersion());
            ArrayNode deps = o.putArray("dependencies");
            n.dependencies().forEach(deps::add);
            ArrayNode changes = o.putArray("field_changes");
            for (FieldChange c : n.fieldChanges()) {
                changes.addObject().put("field_key", c.fieldKey()).put("old_version", c.oldVersion()).put("new_version", c.newVersion())
                    .put("is_added", c.isAdded()).put("is_removed", c.isRemoved()).put("is_changed", c.isChanged());
            }
        });
        ArrayNode es = root.putArray("edges");
        edges.forEach(e -> es.addObject().put("from", e.from()).put("to", e.to()));
        return root;
    }
}
