package dev.metaxy.store;

import dev.metaxy.definition.FeatureKey;
import dev.metaxy.expr.Expression;
import dev.metaxy.expr.Expressions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Options of {@link MetadataStore#copyMetadata} (reference {@code copy_metadata}): per-feature and global filters,
 * feature-version and sample history, and a listener told about each feature. Immutable; every {@code with...} or
 * {@code filter...} method returns a copy. Defaults: every feature version, the latest row per sample.
 */
public final class CopyOptions {
    private static final CopyOptions DEFAULTS = new CopyOptions(Map.of(), List.of(), true, false, new CopyListener() {
    });

    private final Map<FeatureKey, List<Expression>> filters;
    private final List<Expression> globalFilters;
    private final boolean withFeatureHistory;
    private final boolean withSampleHistory;
    private final CopyListener listener;

    private CopyOptions(Map<FeatureKey, List<Expression>> filters, List<Expression> globalFilters, boolean withFeatureHistory,
                        boolean withSampleHistory, CopyListener listener) {
        Map<FeatureKey, List<Expression>> f = new LinkedHashMap<>();
        filters.forEach((k, v) -> f.put(k, List.copyOf(v)));
        this.filters = java.util.Collections.unmodifiableMap(f);
        this.globalFilters = List.copyOf(globalFilters);
        this.withFeatureHistory = withFeatureHistory;
        this.withSampleHistory = withSampleHistory;
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Rows of every feature version, latest row per sample, no filters. */
    public static CopyOptions defaults() {
        return DEFAULTS;
    }

    /** Adds a filter applied to {@code feature} only (ANDed with its other filters and the global ones). */
    public CopyOptions filter(FeatureKey feature, Expression filter) {
        Map<FeatureKey, List<Expression>> f = new LinkedHashMap<>(filters);
        List<Expression> list = new ArrayList<>(f.getOrDefault(feature, List.of()));
        list.add(Objects.requireNonNull(filter, "filter"));
        f.put(feature, list);
        return new CopyOptions(f, globalFilters, withFeatureHistory, withSampleHistory, listener);
    }

    /** As {@link #filter(FeatureKey, Expression)} with a SQL predicate string (parsed; never spliced into SQL). */
    public CopyOptions filter(String feature, String sqlPredicate) {
        return filter(FeatureKey.of(feature), Expressions.parse(sqlPredicate));
    }

    /** Adds a filter applied to every copied feature. */
    public CopyOptions globalFilter(Expression filter) {
        List<Expression> g = new ArrayList<>(globalFilters);
        g.add(Objects.requireNonNull(filter, "filter"));
        return new CopyOptions(filters, g, withFeatureHistory, withSampleHistory, listener);
    }

    /** Replaces the global filters. */
    public CopyOptions globalFilters(List<Expression> all) {
        return new CopyOptions(filters, all, withFeatureHistory, withSampleHistory, listener);
    }

    /**
     * Whether rows of every feature version are copied (default) or only those of the current version. With history the
     * latest-row de-duplication spans versions, so one row per sample is copied (as the reference does).
     */
    public CopyOptions withFeatureHistory(boolean all) {
        return new CopyOptions(filters, globalFilters, all, withSampleHistory, listener);
    }

    /** Whether every stored row per sample is copied instead of the latest (default: the latest). */
    public CopyOptions withSampleHistory(boolean all) {
        return new CopyOptions(filters, globalFilters, withFeatureHistory, all, listener);
    }

    /** Who is told about each feature (progress, skips). */
    public CopyOptions listener(CopyListener l) {
        return new CopyOptions(filters, globalFilters, withFeatureHistory, withSampleHistory, l);
    }

    /** The global filters, then those of {@code feature}. */
    public List<Expression> filtersFor(FeatureKey feature) {
        List<Expression> out = new ArrayList<>(globalFilters);
        out.addAll(filters.getOrDefault(feature, List.of()));
        return out;
    }

    public Map<FeatureKey, List<Expression>> featureFilters() {
        return filters;
    }

    public List<Expression> globalFilters() {
        return globalFilters;
    }

    public boolean isWithFeatureHistory() {
        return withFeatureHistory;
    }

    public boolean isWithSampleHistory() {
        return withSampleHistory;
    }

    public CopyListener listener() {
        return listener;
    }
}
