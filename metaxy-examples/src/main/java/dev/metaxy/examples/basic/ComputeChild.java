package dev.metaxy.examples.basic;

import dev.metaxy.config.MetaxyConfig;
import dev.metaxy.definition.SystemColumns;
import dev.metaxy.examples.support.ExampleContext;
import dev.metaxy.examples.support.Push;
import dev.metaxy.frame.Frame;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.Increment;
import dev.metaxy.store.MetadataStore;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Child step of the basic example: records the graph, asks the store which child samples are new or stale given the
 * parent's metadata, writes them, and prints the provenance of every child sample.
 */
public final class ComputeChild {
    /** What the child step found and what the child's stored provenance is afterwards (sample_uid → predictions). */
    public record Result(String featureVersion, int newSamples, int stale, Map<Long, String> predictionsProvenance) {
    }

    private ComputeChild() {
    }

    public static Result run(ExampleContext ctx) {
        PrintStream out = ctx.out();
        MetaxyConfig config = ctx.config();
        String child = BasicFeatures.CHILD;
        try (MetadataStore store = config.getStore(null).open(AccessMode.WRITE)) {
            out.println("Graph project_version: " + Push.graph(config, store));
            String version = config.graph().versions().featureVersion(child);
            out.println();
            out.println("📊 Computing " + child + "...");
            out.println("  feature_version: " + version);
            int added;
            int stale;
            try (Increment inc = store.resolveUpdate(child)) {
                added = inc.newSamples().rowCount();
                stale = inc.stale().rowCount();
                out.println("Identified: " + added + " new samples, " + stale + " samples with new provenance_by_field");
                // The increment rows already carry the ids and the provenance the child rows must be written with.
                if (added > 0) {
                    store.write(child, inc.newSamples());
                    out.println("✓ Materialized " + added + " new samples");
                }
                if (stale > 0) {
                    store.write(child, inc.stale());
                    out.println("✓ Recomputed " + stale + " changed samples");
                }
            }
            Map<Long, String> provenance = new LinkedHashMap<>();
            try (Frame rows = store.read(child).collect()) {
                List<Map<String, Object>> sorted = rows.toRows();
                sorted.sort(Comparator.comparingLong(r -> ((Number) r.get("sample_uid")).longValue()));
                out.println();
                out.println("📋 Child provenance_by_field:");
                for (Map<String, Object> r : sorted) {
                    Object byField = r.get(SystemColumns.PROVENANCE_BY_FIELD);
                    out.println("  sample_uid=" + r.get("sample_uid") + ": " + byField);
                    provenance.put(((Number) r.get("sample_uid")).longValue(), String.valueOf(((Map<?, ?>) byField).get("predictions")));
                }
            }
            return new Result(version, added, stale, provenance);
        }
    }

    public static void main(String[] args) {
        ExampleContext.runMain("basic-compute-child", ComputeChild::run);
    }
}
