package dev.metaxy.graph;

import dev.metaxy.definition.FeatureDefinition;
import dev.metaxy.definition.FeatureDep;
import dev.metaxy.definition.FeatureKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Summary metrics of a graph, optionally for one project: feature counts, depth (longest dependency chain in
 * nodes), root and leaf features (sorted), and features per project over the whole graph.
 *
 * @param projectVersion   the project version shown with the summary (may be null)
 * @param totalFeatures    all features of the graph
 * @param filteredFeatures features of {@code filterProject}, or null without a project filter
 */
public record GraphDescription(String projectVersion, int totalFeatures, Integer filteredFeatures, String filterProject,
                               int graphDepth, List<String> rootFeatures, List<String> leafFeatures,
                               Map<String, Integer> projects) {

    /** Describes {@code graph}, restricted to {@code project} when not null. */
    public static GraphDescription of(FeatureGraph graph, String project, String projectVersion) {
        Map<FeatureKey, FeatureDefinition> all = new LinkedHashMap<>();
        graph.definitions().forEach(d -> all.put(d.key(), d));
        List<FeatureDefinition> filtered = new ArrayList<>();
        for (FeatureDefinition d : all.values()) {
            if (project == null || Objects.equals(project, d.project().orElse(null))) {
                filtered.add(d);
            }
        }
        int depth = 0;
        for (FeatureDefinition d : filtered) {
            depth = Math.max(depth, depth(d.key(), all, new HashSet<>()));
        }
        Set<FeatureKey> depended = new HashSet<>();
        filtered.forEach(d -> d.spec().deps().forEach(dep -> depended.add(dep.feature())));
        List<String> roots = new ArrayList<>();
        List<String> leaves = new ArrayList<>();
        for (FeatureDefinition d : filtered) {
            if (d.spec().deps().isEmpty()) {
                roots.add(d.key().toString());
            }
            if (!depended.contains(d.key())) {
                leaves.add(d.key().toString());
            }
        }
        Collections.sort(roots);
        Collections.sort(leaves);
        Map<String, Integer> projects = new TreeMap<>();
        all.values().forEach(d -> projects.merge(d.project().orElse("None"), 1, Integer::sum));
        return new GraphDescription(projectVersion, all.size(), project == null ? null : filtered.size(), project, depth,
            List.copyOf(roots), List.copyOf(leaves), Collections.unmodifiableMap(projects));
    }

    private static int depth(FeatureKey key, Map<FeatureKey, FeatureDefinition> all, Set<FeatureKey> visiting) {
        if (!visiting.add(key)) {
            return 0;
        }
        FeatureDefinition d = all.get(key);
        if (d == null || d.spec().deps().isEmpty()) {
            return 1;
        }
        int max = 0;
        for (FeatureDep dep : d.spec().deps()) {
            max = Math.max(max, depth(dep.feature(), all, new HashSet<>(visiting)));
        }
        return max + 1;
    }
}
