package dev.metaxy.store;

import dev.metaxy.expr.Expression;
import dev.metaxy.expr.Expressions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Options of {@link MetadataStore#read}: filters (applied after de-duplication), column selection, feature-version
 * scope, history and soft-deleted rows, fallback use, row order. Immutable; every {@code with...} method returns a copy.
 */
public final class ReadOptions {
    private static final ReadOptions DEFAULTS = new ReadOptions(List.of(), null, null, false, false, false, true, List.of());

    private final List<Expression> filters;
    private final List<String> columns;
    private final String featureVersion;
    private final boolean withFeatureHistory;
    private final boolean withSampleHistory;
    private final boolean includeSoftDeleted;
    private final boolean allowFallback;
    private final List<String> orderBy;

    private ReadOptions(List<Expression> filters, List<String> columns, String featureVersion, boolean withFeatureHistory,
                        boolean withSampleHistory, boolean includeSoftDeleted, boolean allowFallback, List<String> orderBy) {
        this.filters = List.copyOf(filters);
        this.columns = columns == null ? null : List.copyOf(columns);
        this.featureVersion = featureVersion;
        this.withFeatureHistory = withFeatureHistory;
        this.withSampleHistory = withSampleHistory;
        this.includeSoftDeleted = includeSoftDeleted;
        this.allowFallback = allowFallback;
        this.orderBy = List.copyOf(orderBy);
    }

    /** Latest live row per sample of the current feature version, all columns, fallbacks allowed. */
    public static ReadOptions defaults() {
        return DEFAULTS;
    }

    /** Adds a filter (ANDed with earlier ones). */
    public ReadOptions filter(Expression filter) {
        List<Expression> f = new ArrayList<>(filters);
        f.add(filter);
        return new ReadOptions(f, columns, featureVersion, withFeatureHistory, withSampleHistory, includeSoftDeleted, allowFallback, orderBy);
    }

    /** Adds a filter given as a SQL predicate string (parsed; never spliced into SQL). */
    public ReadOptions filter(String sqlPredicate) {
        return filter(Expressions.parse(sqlPredicate));
    }

    public ReadOptions filters(List<Expression> all) {
        return new ReadOptions(all, columns, featureVersion, withFeatureHistory, withSampleHistory, includeSoftDeleted, allowFallback, orderBy);
    }

    /** Returns exactly these columns. */
    public ReadOptions columns(String... names) {
        return new ReadOptions(filters, Arrays.asList(names), featureVersion, withFeatureHistory, withSampleHistory, includeSoftDeleted, allowFallback, orderBy);
    }

    /** Reads rows of this feature version (requires {@link #withFeatureHistory()}). */
    public ReadOptions featureVersion(String version) {
        return new ReadOptions(filters, columns, version, withFeatureHistory, withSampleHistory, includeSoftDeleted, allowFallback, orderBy);
    }

    /** Reads rows of every feature version (de-duplication then spans versions). */
    public ReadOptions withFeatureHistory() {
        return new ReadOptions(filters, columns, featureVersion, true, withSampleHistory, includeSoftDeleted, allowFallback, orderBy);
    }

    /** Returns every stored row instead of the latest per sample. */
    public ReadOptions withSampleHistory() {
        return new ReadOptions(filters, columns, featureVersion, withFeatureHistory, true, includeSoftDeleted, allowFallback, orderBy);
    }

    /** Keeps rows whose latest state is a soft-delete tombstone. */
    public ReadOptions includeSoftDeleted() {
        return new ReadOptions(filters, columns, featureVersion, withFeatureHistory, withSampleHistory, true, allowFallback, orderBy);
    }

    /** Whether fallback stores are consulted when this store lacks the feature. */
    public ReadOptions allowFallback(boolean allow) {
        return new ReadOptions(filters, columns, featureVersion, withFeatureHistory, withSampleHistory, includeSoftDeleted, allow, orderBy);
    }

    /**
     * Returns the rows sorted by these columns, ascending (e.g. the feature's id columns, as {@code metaxy metadata
     * read} does); by default rows come in the engine's order, which may differ from one read to the next.
     */
    public ReadOptions orderBy(String... columns) {
        return orderBy(Arrays.asList(columns));
    }

    /** As {@link #orderBy(String...)}. */
    public ReadOptions orderBy(List<String> columns) {
        return new ReadOptions(filters, this.columns, featureVersion, withFeatureHistory, withSampleHistory, includeSoftDeleted,
            allowFallback, columns);
    }

    /** The sort columns (empty: the engine's order). */
    public List<String> orderBy() {
        return orderBy;
    }

    public List<Expression> filters() {
        return filters;
    }

    public Optional<List<String>> columns() {
        return Optional.ofNullable(columns);
    }

    public Optional<String> featureVersionFilter() {
        return Optional.ofNullable(featureVersion);
    }

    public boolean isWithFeatureHistory() {
        return withFeatureHistory;
    }

    public boolean isWithSampleHistory() {
        return withSampleHistory;
    }

    public boolean isIncludeSoftDeleted() {
        return includeSoftDeleted;
    }

    public boolean isAllowFallback() {
        return allowFallback;
    }
}
