package dev.metaxy.cli.metadata;

import dev.metaxy.definition.FeatureDefinition;
import dev.metaxy.definition.FeatureDep;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.graph.GraphException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which features of a graph cannot be versioned, and why: a feature is broken when the graph made of it and its
 * upstream closure fails validation (a dependency cycle, an unknown feature or field). The remaining features form a
 * healthy graph whose versions are those of the full graph, so a command can go on with them.
 */
record GraphHealth(FeatureGraph healthy, Map<FeatureKey, String> problems) {

    static GraphHealth of(FeatureGraph graph) {
        try {
            graph.validate();
            return new GraphHealth(graph, Map.of());
        } catch (GraphException e) {
            Map<FeatureKey, String> problems = new LinkedHashMap<>();
            FeatureGraph healthy = new FeatureGraph(graph.truncation());
            for (FeatureDefinition d : graph.definitions()) {
                Optional<String> problem = problem(graph, d.key());
                problem.ifPresentOrElse(p -> problems.put(d.key(), p), () -> healthy.register(d));
            }
            return new GraphHealth(healthy, problems);
        }
    }

    /** The validation error of {@code key} with its upstream closure, if any. */
    private static Optional<String> problem(FeatureGraph graph, FeatureKey key) {
        FeatureGraph closure = new FeatureGraph(graph.truncation());
        Set<FeatureKey> seen = new LinkedHashSet<>();
        Deque<FeatureKey> todo = new ArrayDeque<>();
        todo.add(key);
        while (!todo.isEmpty()) {
            FeatureKey k = todo.pop();
            if (seen.add(k)) {
                FeatureDefinition d = graph.definition(k);
                closure.register(d);
                for (FeatureDep dep : d.spec().deps()) {
                    if (!graph.contains(dep.feature())) {
                        return Optional.of("Feature '" + k + "' depends on unknown feature '" + dep.feature() + "'");
                    }
                    todo.add(dep.feature());
                }
            }
        }
        try {
            closure.validate();
            return Optional.empty();
        } catch (GraphException e) {
            return Optional.of(e.getMessage());
        }
    }
}
