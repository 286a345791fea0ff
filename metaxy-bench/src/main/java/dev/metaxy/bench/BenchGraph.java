package dev.metaxy.bench;

import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.graph.FeatureGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The two graphs of the paper's benchmark. Every root has the id column {@code sample_uid} (UBIGINT) and the leaf
 * depends on every field of every root (the default field mapping).
 *
 * @param name       {@code simple} or {@code wide}
 * @param roots      the root features, in order; the stale phase changes {@code audio} of the first root
 * @param rootFields the fields of each root
 * @param leaf       the leaf feature that is resolved
 * @param paperNew   the paper's "new" medians in seconds by N
 * @param paperStale the paper's "stale" medians in seconds by N
 */
public record BenchGraph(String name, List<FeatureSpec> roots, List<String> rootFields, FeatureSpec leaf,
                         Map<Long, Double> paperNew, Map<Long, Double> paperStale) {

    public static final String ID = "sample_uid";
    /** The field whose provenance changes for 10% of the samples in the stale phase. */
    public static final String CHANGED_FIELD = "audio";

    public static BenchGraph simple() {
        List<String> fields = List.of("audio", "frames");
        FeatureSpec root = root("bench_simple/root", fields);
        FeatureSpec leaf = FeatureSpec.builder("bench_simple/leaf").idColumns(ID).dependsOn(root).field("prediction", "1").build();
        return new BenchGraph("simple", List.of(root), fields, leaf,
            Map.of(10_000L, 0.50, 100_000L, 0.56, 1_000_000L, 1.17, 10_000_000L, 7.80),
            Map.of(10_000L, 0.59, 100_000L, 0.71, 1_000_000L, 1.27, 10_000_000L, 7.13));
    }

    public static BenchGraph wide() {
        List<String> fields = List.of("audio", "frames", "optical_flow", "embedding");
        FeatureSpec a = root("bench_wide/root_a", fields);
        FeatureSpec b = root("bench_wide/root_b", fields);
        FeatureSpec leaf = FeatureSpec.builder("bench_wide/leaf").idColumns(ID).dependsOn(a).dependsOn(b)
            .field("prediction_a", "1").field("prediction_b", "1").build();
        return new BenchGraph("wide", List.of(a, b), fields, leaf,
            Map.of(10_000L, 0.76, 100_000L, 0.86, 1_000_000L, 1.91, 10_000_000L, 11.87),
            Map.of(10_000L, 0.83, 100_000L, 1.10, 1_000_000L, 2.41, 10_000_000L, 14.70));
    }

    public static BenchGraph named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "simple" -> simple();
            case "wide" -> wide();
            default -> throw new IllegalArgumentException("Unknown graph '" + name + "' (simple or wide)");
        };
    }

    private static FeatureSpec root(String key, List<String> fields) {
        FeatureSpec.Builder b = FeatureSpec.builder(key).idColumns(ID);
        fields.forEach(f -> b.field(f, "1"));
        return b.build();
    }

    public FeatureGraph graph() {
        List<FeatureSpec> all = new ArrayList<>(roots);
        all.add(leaf);
        return FeatureGraph.of(all);
    }

    /** The paper's median for this graph, N and phase, or null when the paper has no such cell. */
    public Double paperMedian(long n, Phase phase) {
        return (phase == Phase.NEW ? paperNew : paperStale).get(n);
    }
}
