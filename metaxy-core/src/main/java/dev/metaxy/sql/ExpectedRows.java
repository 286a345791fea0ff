package dev.metaxy.sql;

import dev.metaxy.definition.FeatureKey;
import dev.metaxy.definition.SystemColumns;
import dev.metaxy.expr.Expression;
import dev.metaxy.expr.Expressions;
import dev.metaxy.expr.SqlRenderer;
import dev.metaxy.frame.Frame;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.store.ReadOptions;
import dev.metaxy.store.ResolveOptions;
import dev.metaxy.versioning.FeaturePlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The expected rows of a feature in a {@link SqlMetadataStore}: from resolve samples, or from upstream reads. */
final class ExpectedRows {
    private final SqlMetadataStore store;
    private final List<String> sampleTemps;

    /** {@code sampleTemps} receives the temporary tables loaded with samples. */
    ExpectedRows(SqlMetadataStore store, List<String> sampleTemps) {
        this.store = store;
        this.sampleTemps = sampleTemps;
    }

    /** The expected rows of {@code plan}'s feature under graph {@code g}. */
    SqlRelation of(FeatureGraph g, FeaturePlan plan, ResolveOptions options, List<Expression> targetFilters) {
        FeatureKey key = plan.key();
        if (options.samplesFrame().isPresent()) {
            return fromSamples(plan, options.samplesFrame().get(), targetFilters);
        }
        if (plan.isRoot()) {
            throw new IllegalArgumentException("Feature " + key + " has no upstream dependencies (root feature). Must provide "
                + "'samples' parameter with " + String.join(", ", plan.target().idColumns())
                + " and metaxy_provenance_by_field columns. Root features require manual metaxy_provenance_by_field computation.");
        }
        Map<FeatureKey, SqlRelation> upstream = new LinkedHashMap<>();
        for (var dep : plan.deps()) {
            ReadOptions ro = ReadOptions.defaults();
            for (Expression e : options.filters().getOrDefault(dep.upstream(), List.of())) {
                ro = ro.filter(e);
            }
            for (Expression e : options.globalFilters()) {
                ro = ro.filter(e);
            }
            String sql = store.read(g, dep.upstream(), ro).query();
            upstream.put(dep.upstream(), SqlRelation.query(sql, store.columnsOf(sql)));
        }
        Map<FeatureKey, List<String>> columns = new LinkedHashMap<>();
        upstream.forEach((k, r) -> columns.put(k, r.columns()));
        plan.requireNoColumnCollisions(columns);
        return store.engine().expectedQuery(plan, upstream, null);
    }

    /** The samples with their provenance computed from the by-field column, filtered. */
    private SqlRelation fromSamples(FeaturePlan plan, Frame samples, List<Expression> targetFilters) {
        boolean isMap = IncomingFrames.validate(plan, samples);
        String temp = store.importFrame(samples, "samples");
        sampleTemps.add(temp);
        List<String> cols = new ArrayList<>(samples.columnNames());
        cols.remove(SystemColumns.PROVENANCE);
        StringBuilder where = new StringBuilder();
        SqlRenderer renderer = new SqlRenderer(store.dialect());
        for (Expression e : targetFilters) {
            Expressions.requireColumns(e, samples.columnNames());
            where.append(where.length() == 0 ? " WHERE " : " AND ").append(renderer.render(e));
        }
        String full = store.systemColumnsSelect(plan, cols, store.q(temp) + where, SystemColumnsStamp.SAMPLES, isMap, List.of());
        List<String> keep = new ArrayList<>();
        for (String c : samples.columnNames()) {
            if (!SystemColumns.isSystemColumn(c)) {
                keep.add(store.q(c));
            }
        }
        for (String c : SystemColumns.VERSIONING) {
            keep.add(store.q(c));
        }
        String sql = "SELECT " + String.join(", ", keep) + " FROM (" + full + ") AS s";
        return SqlRelation.query(sql, store.columnsOf(sql));
    }
}
