package dev.metaxy.examples.support;

import dev.metaxy.definition.FeatureKey;
import dev.metaxy.graph.FeatureGraph;
import java.util.Map;
import java.util.TreeMap;

/** Feature and field versions of a graph, in the shape the reference's recorded {@code graph_pushed} events use. */
public final class Versions {
    private Versions() {
    }

    /** Feature key → feature version. */
    public static Map<String, String> features(FeatureGraph graph) {
        Map<String, String> out = new TreeMap<>();
        graph.definitions().forEach(d -> out.put(d.key().toString(), graph.versions().featureVersion(d.key())));
        return out;
    }

    /** Field key → field version of one feature. */
    public static Map<String, String> fields(FeatureGraph graph, String feature) {
        return new TreeMap<>(graph.versions().fieldVersions(FeatureKey.of(feature)));
    }

    /** The features whose version differs between two graphs. */
    public static java.util.List<String> changed(FeatureGraph before, FeatureGraph after) {
        Map<String, String> a = features(before);
        Map<String, String> b = features(after);
        return a.keySet().stream().filter(k -> !a.get(k).equals(b.get(k))).sorted().toList();
    }
}
