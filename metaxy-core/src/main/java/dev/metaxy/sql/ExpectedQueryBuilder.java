package dev.metaxy.sql;

import dev.metaxy.definition.FeatureKey;
import dev.metaxy.definition.SystemColumns;
import dev.metaxy.expr.Expression;
import dev.metaxy.expr.Expressions;
import dev.metaxy.expr.SqlRenderer;
import dev.metaxy.versioning.DepPlan;
import dev.metaxy.versioning.FeaturePlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Builds the expected-rows query of one feature plan: per dependency drop, rename, filter, select and lineage
 * transform; the joins; then per-field and sample provenance. Mirrors {@code ReferenceEngine.expected} step by step.
 */
final class ExpectedQueryBuilder {
    private static final String SRC = "__metaxy_src";
    private static final String PRESENT = "__metaxy_present";

    private final SqlWriter w;
    private final VersioningDialect d;
    private final UnaryOperator<String> hashed;
    private int joins;

    ExpectedQueryBuilder(VersioningDialect dialect, UnaryOperator<String> hashed) {
        this.w = new SqlWriter(dialect);
        this.d = dialect;
        this.hashed = hashed;
    }

    /** A CTE name and its columns. */
    private record Rel(String name, List<String> columns) {
    }

    private enum JoinKind {
        INNER("INNER JOIN"), LEFT("LEFT JOIN"), FULL("FULL OUTER JOIN");

        final String sql;

        JoinKind(String sql) {
            this.sql = sql;
        }
    }

    SqlRelation build(FeaturePlan plan, Map<FeatureKey, SqlRelation> upstream, Map<FeatureKey, List<Expression>> runtimeFilters) {
        if (plan.isRoot()) {
            throw new IllegalArgumentException("Feature '" + plan.key() + "' is a root feature: its provenance comes from "
                + "the samples you provide, not from upstream rows");
        }
        List<String> on = plan.joinColumns();
        Rel joined = null;
        boolean anyRequired = false;
        int index = 0;
        for (DepPlan dep : plan.requiredDeps()) {
            Rel rel = prepare(dep, index++, on, upstream, runtimeFilters);
            joined = joined == null ? rel : join(joined, rel, on, JoinKind.INNER);
            anyRequired = true;
        }
        for (DepPlan dep : plan.optionalDeps()) {
            Rel rel = prepare(dep, index++, on, upstream, runtimeFilters);
            joined = joined == null ? rel : join(joined, rel, on, anyRequired ? JoinKind.LEFT : JoinKind.FULL);
        }
        return provenance(plan, joined, c -> !isVersioningColumn(c), (c, key) -> d.byFieldValue(w.col("j", c), key));
    }

    /** The provenance step alone, over rows the caller joined ({@code compute_provenance}). */
    SqlRelation provenanceOf(FeaturePlan plan, SqlRelation joined, ProvenanceInput input) {
        String name = w.cte("__metaxy_joined", "SELECT " + w.cols("i", joined.columns()) + " FROM " + joined.fromItem()
            + " AS " + w.id("i"));
        return provenance(plan, new Rel(name, joined.columns()), input::keeps,
            (c, key) -> d.byFieldValue(w.col("j", c), key, input.isMap(c)));
    }

    private Rel prepare(DepPlan dep, int index, List<String> on, Map<FeatureKey, SqlRelation> upstream,
                        Map<FeatureKey, List<Expression>> runtimeFilters) {
        SqlRelation source = upstream.get(dep.upstream());
        if (source == null) {
            throw new IllegalArgumentException("No upstream relation given for '" + dep.upstream() + "' (dependency of the plan)");
        }
        String label = "Upstream '" + dep.upstream() + "'";
        LinkedHashMap<String, String> renamed = new LinkedHashMap<>();
        for (String c : source.columns()) {
            if (DepPlan.DROPPED_COLUMNS.contains(c) || SystemColumns.DELETED_AT.equals(c)) {
                continue;
            }
            String r = dep.renamed(c);
            String previous = renamed.put(r, c);
            if (previous != null) {
                throw new IllegalArgumentException(label + ": columns '" + previous + "' and '" + c
                    + "' both become '" + r + "' after renaming");
            }
        }
        for (String sys : SystemColumns.VERSIONING) {
            if (!source.has(sys)) {
                throw new IllegalArgumentException(label + " has no column '" + sys + "'; columns: " + source.columns());
            }
        }
        List<String> renamedColumns = new ArrayList<>(renamed.keySet());
        String base = "__metaxy_d" + index;
        w.cte(base + "_renamed", "SELECT " + SqlWriter.join(renamedColumns, r -> w.as(w.col(SRC, renamed.get(r)), r))
            + " FROM " + source.fromItem() + " AS " + w.id(SRC));

        List<Expression> filters = new ArrayList<>();
        dep.dep().sqlFilters().ifPresent(fs -> fs.forEach(f -> filters.add(Expressions.parse(f))));
        if (runtimeFilters != null) {
            filters.addAll(runtimeFilters.getOrDefault(dep.upstream(), List.of()));
        }
        SqlRenderer renderer = new SqlRenderer(d).withTableAlias("r");
        List<String> conditions = new ArrayList<>();
        for (Expression f : filters) {
            Expressions.requireColumns(f, renamedColumns);
            conditions.add(renderer.render(f));
        }
        List<String> selected = dep.selectedColumns() == null ? renamedColumns : dep.selectedColumns();
        for (String c : selected) {
            if (!renamed.containsKey(c)) {
                throw new IllegalArgumentException(label + " has no column '" + c + "' (selected); columns after renaming: "
                    + renamedColumns);
            }
        }
        for (String c : on) {
            if (!selected.contains(c)) {
                throw new IllegalArgumentException(label + " lacks join column '" + c + "' (join columns " + on
                    + "); its columns: " + selected);
            }
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        if (!dep.isAggregation()) {
            String name = w.cte(base, "SELECT " + w.cols("r", selected) + ", TRUE AS " + w.id(PRESENT)
                + " FROM " + w.id(base + "_renamed") + " AS " + w.id("r") + where);
            return new Rel(name, selected);
        }
        String filtered = w.cte(base + "_filtered", "SELECT " + w.cols("r", selected) + " FROM " + w.id(base + "_renamed")
            + " AS " + w.id("r") + where);
        return aggregate(dep, base, new Rel(filtered, selected));
    }

    /** N:1 lineage: per field a window string aggregation over the group, hashed; rows are not collapsed. */
    private Rel aggregate(DepPlan dep, String base, Rel in) {
        String label = "Upstream '" + dep.upstream() + "'";
        for (String c : concat(dep.aggregationGroup(), dep.aggregationOrder())) {
            if (!in.columns().contains(c)) {
                throw new IllegalArgumentException(label + " lacks aggregation column '" + c + "'; its columns: " + in.columns());
            }
        }
        List<String> renamedSystem = dep.renamedSystemColumns();
        List<String> kept = in.columns().stream().filter(c -> !renamedSystem.contains(c)).toList();
        List<String> keys = dep.upstreamStructKeys();
        String dvbf = w.col("a", SystemColumns.DATA_VERSION_BY_FIELD + dep.suffix());
        List<String> partition = dep.aggregationGroup().stream().map(c -> w.col("a", c)).toList();
        List<String> order = dep.aggregationOrder().stream().map(c -> w.col("a", c)).toList();
        List<String> aggs = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            aggs.add(w.as(d.stringAggOverWindow(d.byFieldValue(dvbf, keys.get(i)), "|", partition, order), "__metaxy_agg_" + i));
        }
        String windows = w.cte(base + "_windows", "SELECT " + prefix(w.cols("a", kept)) + String.join(", ", aggs)
            + " FROM " + w.id(in.name()) + " AS " + w.id("a"));
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String agg = d.coalesce(List.of(w.col("a", "__metaxy_agg_" + i), w.lit("")));
            hashes.add(w.as(hashed.apply(agg), "__metaxy_h_" + i));
        }
        String hashedCte = w.cte(base + "_hashed", "SELECT " + prefix(w.cols("a", kept)) + String.join(", ", hashes)
            + " FROM " + w.id(windows) + " AS " + w.id("a"));
        LinkedHashMap<String, String> struct = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            struct.put(keys.get(i), w.col("a", "__metaxy_h_" + i));
        }
        List<String> sortedKeys = keys.stream().sorted().toList();
        String sample = hashed.apply(d.concatWithSeparator("|", sortedKeys.stream().map(struct::get).toList()));
        String byField = d.buildByField(struct);
        List<String> select = new ArrayList<>();
        for (String c : in.columns()) {
            if (c.equals(SystemColumns.PROVENANCE_BY_FIELD + dep.suffix()) || c.equals(SystemColumns.DATA_VERSION_BY_FIELD + dep.suffix())) {
                select.add(w.as(byField, c));
            } else if (c.equals(SystemColumns.PROVENANCE + dep.suffix()) || c.equals(SystemColumns.DATA_VERSION + dep.suffix())) {
                select.add(w.as(sample, c));
            } else {
                select.add(w.col("a", c));
            }
        }
        String name = w.cte(base, "SELECT " + String.join(", ", select) + ", TRUE AS " + w.id(PRESENT)
            + " FROM " + w.id(hashedCte) + " AS " + w.id("a"));
        return new Rel(name, in.columns());
    }

    /**
     * Joins {@code right} onto {@code left}: join columns from the left (coalesced for a full join); a non-join
     * column both sides have takes the right's value when the right row is present.
     */
    private Rel join(Rel left, Rel right, List<String> on, JoinKind kind) {
        List<String> columns = new ArrayList<>();
        List<String> select = new ArrayList<>();
        String present = w.col("r", PRESENT) + " IS NOT NULL";
        for (String c : left.columns()) {
            columns.add(c);
            if (on.contains(c)) {
                select.add(w.as(kind == JoinKind.FULL ? d.coalesce(List.of(w.col("l", c), w.col("r", c))) : w.col("l", c), c));
            } else if (right.columns().contains(c)) {
                select.add(w.as("CASE WHEN " + present + " THEN " + w.col("r", c) + " ELSE " + w.col("l", c) + " END", c));
            } else {
                select.add(w.col("l", c));
            }
        }
        for (String c : right.columns()) {
            if (!left.columns().contains(c) && !on.contains(c)) {
                columns.add(c);
                select.add(w.col("r", c));
            }
        }
        String name = w.cte("__metaxy_join" + (++joins), "SELECT " + String.join(", ", select)
            + " FROM " + w.id(left.name()) + " AS " + w.id("l") + " " + kind.sql + " " + w.id(right.name()) + " AS " + w.id("r") + " ON "
            + w.keysEqual("l", "r", on));
        return new Rel(name, columns);
    }

    /**
     * Per-field and sample provenance over {@code joined} (aliased {@code j}), keeping the columns {@code kept} accepts;
     * {@code upstreamValue} renders the value of a struct key in an upstream by-field column of {@code j}.
     */
    private SqlRelation provenance(FeaturePlan plan, Rel joined, java.util.function.Predicate<String> kept,
                                   java.util.function.BinaryOperator<String> upstreamValue) {
        List<String> out = joined.columns().stream().filter(kept).toList();
        List<String> fieldHashes = new ArrayList<>();
        List<FeaturePlan.FieldPlan> fields = plan.fields();
        for (int i = 0; i < fields.size(); i++) {
            FeaturePlan.FieldPlan f = fields.get(i);
            List<String> parts = new ArrayList<>();
            parts.add(w.lit(f.fieldKey()));
            parts.add(w.lit(f.codeVersion()));
            for (FeaturePlan.ParentField p : f.parents()) {
                if (!joined.columns().contains(p.dataVersionColumn())) {
                    throw new IllegalArgumentException("Feature '" + plan.key() + "': joined upstream lacks column '"
                        + p.dataVersionColumn() + "' needed by field '" + f.fieldKey() + "'");
                }
                parts.add(w.lit(p.qualified().toString()));
                String value = upstreamValue.apply(p.dataVersionColumn(), p.structKey());
                parts.add(p.optional() ? d.coalesce(List.of(value, w.lit(""))) : value);
            }
            fieldHashes.add(w.as(hashed.apply(d.concatWithSeparator("|", parts)), "__metaxy_fh_" + i));
        }
        String fh = w.cte("__metaxy_field_hashes", "SELECT " + prefix(w.cols("j", out)) + String.join(", ", fieldHashes)
            + " FROM " + w.id(joined.name()) + " AS " + w.id("j"));
        LinkedHashMap<String, String> struct = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            struct.put(fields.get(i).structKey(), w.col("p", "__metaxy_fh_" + i));
        }
        String sample = hashed.apply(d.concatWithSeparator("|", plan.sortedStructKeys().stream().map(struct::get).toList()));
        List<String> fhColumns = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            fhColumns.add("__metaxy_fh_" + i);
        }
        String pv = w.cte("__metaxy_provenance", "SELECT " + w.cols("p", concat(out, fhColumns)) + ", "
            + w.as(sample, "__metaxy_sample") + " FROM " + w.id(fh) + " AS " + w.id("p"));
        String byField = d.buildByField(struct);
        String sampleCol = w.col("p", "__metaxy_sample");
        String select = "SELECT " + prefix(w.cols("p", out))
            + w.as(byField, SystemColumns.PROVENANCE_BY_FIELD) + ", " + w.as(sampleCol, SystemColumns.PROVENANCE) + ", "
            + w.as(byField, SystemColumns.DATA_VERSION_BY_FIELD) + ", " + w.as(sampleCol, SystemColumns.DATA_VERSION)
            + " FROM " + w.id(pv) + " AS " + w.id("p");
        return SqlRelation.query(w.finish(select), concat(out, SystemColumns.VERSIONING));
    }

    /** Renamed upstream versioning columns ({@code metaxy_provenance__a_b} ...) and the target's own four. */
    private static boolean isVersioningColumn(String c) {
        for (String s : SystemColumns.VERSIONING) {
            if (c.equals(s) || c.startsWith(s + "__")) {
                return true;
            }
        }
        return false;
    }

    private static String prefix(String list) {
        return list.isEmpty() ? "" : list + ", ";
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
