package dev.metaxy.store;

import dev.metaxy.definition.FeatureKey;
import dev.metaxy.expr.Expression;
import dev.metaxy.expr.Expressions;
import dev.metaxy.frame.Frame;
import dev.metaxy.graph.FeatureRefs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Options of {@link MetadataStore#resolveUpdate}: samples (required for root features), per-feature, global and
 * target filters, staleness predicates and {@code skip_comparison}. Immutable; {@code with...} methods copy.
 */
public final class ResolveOptions {
    private static final ResolveOptions DEFAULTS = new ResolveOptions(null, Map.of(), List.of(), List.of(), List.of(), false);

    private final Frame samples;
    private final Map<FeatureKey, List<Expression>> filters;
    private final List<Expression> globalFilters;
    private final List<Expression> targetFilters;
    private final List<Expression> stalenessPredicates;
    private final boolean skipComparison;

    private ResolveOptions(Frame samples, Map<FeatureKey, List<Expression>> filters, List<Expression> globalFilters,
                           List<Expression> targetFilters, List<Expression> stalenessPredicates, boolean skipComparison) {
        this.samples = samples;
        this.filters = Map.copyOf(filters);
        this.globalFilters = List.copyOf(globalFilters);
        this.targetFilters = List.copyOf(targetFilters);
        this.stalenessPredicates = List.copyOf(stalenessPredicates);
        this.skipComparison = skipComparison;
    }

    public static ResolveOptions defaults() {
        return DEFAULTS;
    }

    /** The expected rows, given by the caller: ids plus {@code metaxy_provenance_by_field} (root features). */
    public ResolveOptions samples(Frame frame) {
        return new ResolveOptions(frame, filters, globalFilters, targetFilters, stalenessPredicates, skipComparison);
    }

    /** A filter on one feature (upstream or the target), on its raw column names. */
    public ResolveOptions filter(Object feature, Expression filter) {
        Map<FeatureKey, List<Expression>> f = new LinkedHashMap<>(filters);
        FeatureKey key = FeatureRefs.toKey(feature);
        List<Expression> list = new ArrayList<>(f.getOrDefault(key, List.of()));
        list.add(filter);
        f.put(key, list);
        return new ResolveOptions(samples, f, globalFilters, targetFilters, stalenessPredicates, skipComparison);
    }

    public ResolveOptions filter(Object feature, String sqlPredicate) {
        return filter(feature, Expressions.parse(sqlPredicate));
    }

    /** A filter applied to every upstream read and to the target's current rows. */
    public ResolveOptions globalFilter(Expression filter) {
        List<Expression> g = new ArrayList<>(globalFilters);
        g.add(filter);
        return new ResolveOptions(samples, filters, g, targetFilters, stalenessPredicates, skipComparison);
    }

    public ResolveOptions globalFilter(String sqlPredicate) {
        return globalFilter(Expressions.parse(sqlPredicate));
    }

    /** A filter applied only to the target's current rows (and samples). */
    public ResolveOptions targetFilter(Expression filter) {
        List<Expression> t = new ArrayList<>(targetFilters);
        t.add(filter);
        return new ResolveOptions(samples, filters, globalFilters, t, stalenessPredicates, skipComparison);
    }

    public ResolveOptions targetFilter(String sqlPredicate) {
        return targetFilter(Expressions.parse(sqlPredicate));
    }

    /** Marks a stored sample stale when this predicate holds on its current row (predicates are ORed). */
    public ResolveOptions stalenessPredicate(Expression predicate) {
        List<Expression> s = new ArrayList<>(stalenessPredicates);
        s.add(predicate);
        return new ResolveOptions(samples, filters, globalFilters, targetFilters, s, skipComparison);
    }

    public ResolveOptions stalenessPredicate(String sqlPredicate) {
        return stalenessPredicate(Expressions.parse(sqlPredicate));
    }

    /** Returns every expected row as new, ignoring stored metadata. */
    public ResolveOptions skipComparison() {
        return new ResolveOptions(samples, filters, globalFilters, targetFilters, stalenessPredicates, true);
    }

    public Optional<Frame> samplesFrame() {
        return Optional.ofNullable(samples);
    }

    public Map<FeatureKey, List<Expression>> filters() {
        return filters;
    }

    public List<Expression> globalFilters() {
        return globalFilters;
    }

    public List<Expression> targetFilters() {
        return targetFilters;
    }

    public List<Expression> stalenessPredicates() {
        return stalenessPredicates;
    }

    public boolean isSkipComparison() {
        return skipComparison;
    }
}
