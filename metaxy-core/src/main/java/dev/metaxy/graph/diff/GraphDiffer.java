package dev.metaxy.graph.diff;

import dev.metaxy.definition.FeatureDefinition;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.system.GraphSnapshots;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.versioning.DefinitionVersions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Compares two graphs (usually two pushed snapshots loaded with {@code GraphSnapshots.loadGraph}): features only in
 * the second are added, only in the first removed, and in both changed when their definition version differs (so a
 * schema- or description-only change counts); changed features list their added, removed and re-versioned fields.
 */
public final class GraphDiffer {
    private GraphDiffer() {
    }

    /**
     * The diff between two snapshots pushed to {@code store} for {@code project}, each named {@code latest} (the most
     * recently pushed project version), {@code current} (the project version of {@code current}, the code's graph; it
     * must have been pushed, as both sides are loaded from the store) or by project version. The store must be open.
     *
     * @throws IllegalArgumentException when a name cannot be resolved or a snapshot has no features for the project
     */
    public static GraphDiff diffSnapshots(MetadataStore store, String fromSnapshot, String toSnapshot, FeatureGraph current,
                                          String project) {
        GraphSnapshots snapshots = new GraphSnapshots(store);
        String from = SnapshotNames.resolve(fromSnapshot, snapshots, current, project);
        String to = SnapshotNames.resolve(toSnapshot, snapshots, current, project);
        FeatureGraph before = snapshots.loadGraph(from, project, current.truncation());
        FeatureGraph after = snapshots.loadGraph(to, project, current.truncation());
        return diff(before, from, after, to);
    }

    /** The merged diff from {@code from} (project version {@code fromVersion}) to {@code to}. */
    public static GraphDiff diff(FeatureGraph from, String fromVersion, FeatureGraph to, String toVersion) {
        Map<String, FeatureDefinition> before = byKey(from);
        Map<String, FeatureDefinition> after = byKey(to);
        TreeSet<String> keys = new TreeSet<>(Comparator.comparing((String k) -> k.toLowerCase(java.util.Locale.ROOT))
            .thenComparing(Comparator.naturalOrder()));
        keys.addAll(before.keySet());
        keys.addAll(after.keySet());
        Map<String, DiffNode> nodes = new LinkedHashMap<>();
        List<GraphDiff.Edge> edges = new ArrayList<>();
        for (String key : keys) {
            FeatureDefinition b = before.get(key);
            FeatureDefinition a = after.get(key);
            DiffNode node;
            if (b == null) {
                node = node(key, DiffStatus.ADDED, null, to, a, List.of());
            } else if (a == null) {
                node = new DiffNode(key, DiffStatus.REMOVED, version(from, b), null, from.versions().fieldVersions(b.key()),
                    List.of(), dependencies(b));
            } else if (!from.versions().definitionVersion(b.key()).equals(to.versions().definitionVersion(a.key()))) {
                node = node(key, DiffStatus.CHANGED, version(from, b), to, a,
                    fieldChanges(from.versions().fieldVersions(b.key()), to.versions().fieldVersions(a.key())));
            } else {
                node = node(key, DiffStatus.UNCHANGED, version(from, b), to, a, List.of());
            }
            nodes.put(key, node);
            node.dependencies().forEach(d -> edges.add(new GraphDiff.Edge(d, key)));
        }
        return new GraphDiff(fromVersion, toVersion, nodes, edges);
    }

    /** A node described by its newer side {@code a} of graph {@code to}. */
    private static DiffNode node(String key, DiffStatus status, String oldVersion, FeatureGraph to, FeatureDefinition a,
                                 List<FieldChange> changes) {
        return new DiffNode(key, status, oldVersion, version(to, a), to.versions().fieldVersions(a.key()), changes, dependencies(a));
    }

    /** Added fields, then removed, then re-versioned, each sorted by field key. */
    static List<FieldChange> fieldChanges(Map<String, String> before, Map<String, String> after) {
        List<FieldChange> out = new ArrayList<>();
        new TreeSet<>(after.keySet()).stream().filter(k -> !before.containsKey(k))
            .forEach(k -> out.add(new FieldChange(k, null, after.get(k))));
        new TreeSet<>(before.keySet()).stream().filter(k -> !after.containsKey(k))
            .forEach(k -> out.add(new FieldChange(k, before.get(k), null)));
        new TreeSet<>(before.keySet()).stream().filter(k -> after.containsKey(k) && !Objects.equals(before.get(k), after.get(k)))
            .forEach(k -> out.add(new FieldChange(k, before.get(k), after.get(k))));
        return out;
    }

    private static Map<String, FeatureDefinition> byKey(FeatureGraph g) {
        Map<String, FeatureDefinition> out = new LinkedHashMap<>();
        g.definitions().forEach(d -> out.put(d.key().toString(), d));
        return out;
    }

    private static String version(FeatureGraph g, FeatureDefinition d) {
        DefinitionVersions v = g.versions();
        return v.featureVersion(d.key());
    }

    private static List<String> dependencies(FeatureDefinition d) {
        List<String> out = new ArrayList<>();
        d.spec().deps().forEach(dep -> out.add(dep.feature().toString()));
        return out;
    }
}
