package dev.metaxy.examples.overview;

import dev.metaxy.config.MetaxyConfig;
import dev.metaxy.definition.FeatureDefinition;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.examples.support.ExampleContext;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.system.GraphSnapshots;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares the feature graph recorded for an earlier project version with the current one and prints, per feature,
 * whether its version changed and which field versions moved. With no argument the earlier version is the one pushed
 * before the latest push ({@code ShowChanges 2f02765d} names it). Stands in for the reference's hidden
 * {@code metaxy graph-diff render} command, which the Java CLI does not have yet.
 */
public final class ShowChanges {
    /** Per feature key: "changed", "unchanged", "added" or "removed". */
    public record Result(String fromVersion, String toVersion, Map<String, String> status) {
        public List<String> withStatus(String s) {
            return status.entrySet().stream().filter(e -> e.getValue().equals(s)).map(Map.Entry::getKey).toList();
        }
    }

    private ShowChanges() {
    }

    public static Result run(ExampleContext ctx, String from) {
        PrintStream out = ctx.out();
        MetaxyConfig config = ctx.config();
        String project = config.project().orElseThrow();
        FeatureGraph current = config.graph();
        String to = current.versions().projectVersion(project);
        FeatureGraph before;
        try (MetadataStore store = config.getStore(null).open(AccessMode.READ)) {
            GraphSnapshots snapshots = new GraphSnapshots(store);
            if (from == null) {
                from = previousVersion(snapshots.rows(project), to);
            }
            before = snapshots.loadGraph(from, config.truncation());
        }
        out.println("Feature graph changes from " + from + " (recorded) to " + to + " (current):");
        Map<String, String> status = new LinkedHashMap<>();
        Set<String> keys = new LinkedHashSet<>();
        before.definitions().forEach(d -> keys.add(d.key().toString()));
        current.definitions().forEach(d -> keys.add(d.key().toString()));
        for (String key : keys) {
            FeatureKey k = FeatureKey.of(key);
            boolean inBefore = has(before, key);
            boolean inCurrent = has(current, key);
            if (!inBefore || !inCurrent) {
                status.put(key, inCurrent ? "added" : "removed");
                out.printf("  %s %-24s %s%n", inCurrent ? "+" : "-", key, inCurrent ? "added" : "removed");
                continue;
            }
            String a = before.versions().featureVersion(k);
            String b = current.versions().featureVersion(k);
            if (a.equals(b)) {
                status.put(key, "unchanged");
                out.printf("  = %-24s %s (unchanged)%n", key, b);
                continue;
            }
            status.put(key, "changed");
            Map<String, String> fa = before.versions().fieldVersions(k);
            List<String> moved = new ArrayList<>();
            new TreeMap<>(current.versions().fieldVersions(k)).forEach((field, v) -> {
                if (!v.equals(fa.get(field))) {
                    moved.add(field + " " + fa.get(field) + " -> " + v);
                }
            });
            out.printf("  ~ %-24s %s -> %s   (fields: %s)%n", key, a, b, String.join(", ", moved));
        }
        return new Result(from, to, status);
    }

    private static boolean has(FeatureGraph graph, String key) {
        for (FeatureDefinition d : graph.definitions()) {
            if (d.key().toString().equals(key)) {
                return true;
            }
        }
        return false;
    }

    /** The most recently first-recorded project version other than {@code current}. */
    private static String previousVersion(List<Map<String, Object>> rows, String current) {
        String previous = null;
        for (Map<String, Object> r : rows) {   // oldest first
            String pv = (String) r.get("metaxy_project_version");
            if (!pv.equals(current)) {
                previous = pv;
            }
        }
        if (previous == null) {
            throw new IllegalStateException("no earlier project version recorded than " + current);
        }
        return previous;
    }

    public static void main(String[] args) {
        ExampleContext.runMain("overview-show-changes", ctx -> run(ctx, args.length > 0 ? args[0] : null));
    }
}
