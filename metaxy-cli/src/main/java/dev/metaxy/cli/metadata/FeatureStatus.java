package dev.metaxy.cli.metadata;

import dev.metaxy.definition.FeatureKey;
import dev.metaxy.expr.Expression;
import dev.metaxy.frame.Frame;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.store.FeatureNotInStoreException;
import dev.metaxy.store.LazyFrame;
import dev.metaxy.store.LazyIncrement;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.ReadOptions;
import dev.metaxy.store.ResolveOptions;
import dev.metaxy.versioning.FeaturePlan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The metadata status of one feature in a store: rows stored, and for non-root features the sizes of the increment
 * (missing = new, stale, orphaned). {@code increment} is kept for sample previews; it is null for root features.
 */
record FeatureStatus(FeatureKey key, String targetVersion, boolean metadataExists, long storeRows, long missing, long stale,
                     long orphaned, boolean root, Double progressPercentage, LazyIncrement increment) {

    /** What status computes with: filters, staleness predicates, fallback use and whether to compute progress. */
    record Options(List<Expression> globalFilters, List<Expression> targetFilters, List<Expression> staleIf,
                   boolean allowFallback, boolean computeProgress) {
    }

    boolean needsUpdate() {
        return missing > 0 || stale > 0 || orphaned > 0;
    }

    /** {@code missing} (no metadata) &gt; {@code root_feature} &gt; {@code needs_update} &gt; {@code up_to_date}. */
    String category() {
        if (!metadataExists) {
            return "missing";
        }
        if (root) {
            return "root_feature";
        }
        return needsUpdate() ? "needs_update" : "up_to_date";
    }

    static FeatureStatus compute(MetadataStore store, FeatureGraph graph, FeatureKey key, Options options) {
        String version = graph.versions().featureVersion(key);
        FeaturePlan plan = FeaturePlan.of(graph, key);
        List<Expression> readFilters = new ArrayList<>(options.globalFilters());
        readFilters.addAll(options.targetFilters());
        List<String> ids = graph.spec(key).idColumns();
        long rows = 0;
        boolean exists = true;
        try {
            rows = store.read(key, ReadOptions.defaults().filters(readFilters).columns(ids.toArray(String[]::new))
                .allowFallback(options.allowFallback())).count();
        } catch (FeatureNotInStoreException e) {
            exists = false;
        }
        if (plan.isRoot()) {
            return new FeatureStatus(key, version, exists, rows, 0, 0, 0, true, null, null);
        }
        ResolveOptions resolve = resolveOptions(options);
        LazyIncrement inc = store.resolveUpdateLazy(key, resolve);
        long missing = inc.newSamples().count();
        Double progress = options.computeProgress()
            ? progress(store.resolveUpdateLazy(key, resolve.skipComparison()).newSamples(), inc.newSamples(), plan.joinColumns())
            : null;
        return new FeatureStatus(key, version, exists, rows, missing, inc.stale().count(), inc.orphaned().count(), false,
            progress, inc);
    }

    private static ResolveOptions resolveOptions(Options options) {
        ResolveOptions r = ResolveOptions.defaults();
        for (Expression e : options.globalFilters()) {
            r = r.globalFilter(e);
        }
        for (Expression e : options.targetFilters()) {
            r = r.targetFilter(e);
        }
        for (Expression e : options.staleIf()) {
            r = r.stalenessPredicate(e);
        }
        return r;
    }

    /** Percent of distinct input units (join columns) not new any more; null when there is no input. */
    private static Double progress(LazyFrame expected, LazyFrame newSamples, List<String> units) {
        Set<List<Object>> all = distinct(expected, units);
        if (all.isEmpty()) {
            return null;
        }
        Set<List<Object>> pending = distinct(newSamples, units);
        return 100.0 * (all.size() - pending.size()) / all.size();
    }

    private static Set<List<Object>> distinct(LazyFrame frame, List<String> columns) {
        Set<List<Object>> keys = new HashSet<>();
        try (Frame f = frame.collect()) {
            for (Map<String, Object> row : f.toRows()) {
                List<Object> k = new ArrayList<>();
                columns.forEach(c -> k.add(row.get(c)));
                keys.add(k);
            }
        }
        return keys;
    }
}
