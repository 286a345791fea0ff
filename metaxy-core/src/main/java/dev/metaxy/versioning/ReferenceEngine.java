package dev.metaxy.versioning;

import dev.metaxy.definition.FeatureKey;
import dev.metaxy.definition.SystemColumns;
import dev.metaxy.expr.Expression;
import dev.metaxy.expr.Expressions;
import dev.metaxy.expr.RowPredicate;
import dev.metaxy.frame.Frame;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.hash.Truncation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The in-memory reference implementation of sample-level versioning (Python Metaxy's Polars engine semantics).
 * Rows are plain maps; {@code *_by_field} values are {@code Map<String, String>}. Every SQL engine is tested
 * against it. It is written for clarity, not speed.
 */
public final class ReferenceEngine {
    private final FeatureGraph graph;
    private final HashAlgorithm algorithm;
    private final Truncation truncation;

    /** An engine hashing with {@code algorithm} and the graph's truncation. */
    public ReferenceEngine(FeatureGraph graph, HashAlgorithm algorithm) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.truncation = graph.truncation();
    }

    public HashAlgorithm algorithm() {
        return algorithm;
    }

    /** The truncated hash of a string; null stays null. */
    public String hash(String input) {
        return input == null ? null : truncation.apply(algorithm.hash(input));
    }

    /**
     * The expected rows of {@code target} given the current upstream rows ({@code store.read} results: latest row
     * per sample of the current feature version, soft-deleted rows removed), with optional runtime filters per
     * upstream applied after renames. Each row carries the join columns, upstream user columns and the four
     * versioning columns.
     */
    public List<Map<String, Object>> expected(Object target, Map<FeatureKey, List<Map<String, Object>>> upstream,
                                              Map<FeatureKey, List<Expression>> runtimeFilters) {
        FeaturePlan plan = FeaturePlan.of(graph, target);
        if (plan.isRoot()) {
            throw new IllegalArgumentException("Feature '" + plan.key() + "' is a root feature: its provenance comes from "
                + "the samples you provide, not from upstream rows");
        }
        List<String> on = plan.joinColumns();
        List<Map<String, Object>> joined = null;
        boolean anyRequired = false;
        for (DepPlan d : plan.requiredDeps()) {
            List<Map<String, Object>> rows = prepare(d, upstream, runtimeFilters);
            joined = joined == null ? rows : join(joined, rows, on, JoinKind.INNER);
            anyRequired = true;
        }
        for (DepPlan d : plan.optionalDeps()) {
            List<Map<String, Object>> rows = prepare(d, upstream, runtimeFilters);
            joined = joined == null ? rows : join(joined, rows, on, anyRequired ? JoinKind.LEFT : JoinKind.FULL);
        }
        List<Map<String, Object>> out = new ArrayList<>(joined.size());
        for (Map<String, Object> row : joined) {
            out.add(withProvenance(plan, row));
        }
        return out;
    }

    /** {@link #expected} over Arrow frames: upstream frames in, the expected rows as a new frame out. */
    public Frame expectedFrame(Object target, Map<FeatureKey, Frame> upstream, Map<FeatureKey, List<Expression>> runtimeFilters) {
        Map<FeatureKey, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        upstream.forEach((k, f) -> rows.put(k, f.toRows()));
        return Frame.fromRows(expected(target, rows, runtimeFilters));
    }

    private List<Map<String, Object>> prepare(DepPlan d, Map<FeatureKey, List<Map<String, Object>>> upstream,
                                              Map<FeatureKey, List<Expression>> runtimeFilters) {
        List<Map<String, Object>> raw = upstream.get(d.upstream());
        if (raw == null) {
            throw new IllegalArgumentException("No upstream rows given for '" + d.upstream() + "'");
        }
        List<RowPredicate> filters = new ArrayList<>();
        d.dep().sqlFilters().ifPresent(fs -> fs.forEach(f -> filters.add(RowPredicate.of(Expressions.parse(f)))));
        if (runtimeFilters != null) {
            runtimeFilters.getOrDefault(d.upstream(), List.of()).forEach(e -> filters.add(RowPredicate.of(e)));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> r : raw) {
            Map<String, Object> nr = new LinkedHashMap<>();
            r.forEach((c, v) -> {
                if (!DepPlan.DROPPED_COLUMNS.contains(c) && !SystemColumns.DELETED_AT.equals(c)) {
                    nr.put(d.renamed(c), v);
                }
            });
            if (filters.stream().allMatch(p -> p.test(nr))) {
                rows.add(select(d, nr));
            }
        }
        if (d.isAggregation()) {
            aggregate(d, rows);
        }
        return rows;
    }

    private static Map<String, Object> select(DepPlan d, Map<String, Object> row) {
        if (d.selectedColumns() == null) {
            return row;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String c : d.selectedColumns()) {
            if (!row.containsKey(c)) {
                throw new IllegalArgumentException("Upstream '" + d.upstream() + "' has no column '" + c + "' (selected); columns: " + row.keySet());
            }
            out.put(c, row.get(c));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private void aggregate(DepPlan d, List<Map<String, Object>> rows) {
        Map<List<Object>, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        for (Map<String, Object> r : rows) {
            List<Object> key = new ArrayList<>();
            d.aggregationGroup().forEach(c -> key.add(r.get(c)));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        String dvbf = SystemColumns.DATA_VERSION_BY_FIELD + d.suffix();
        for (List<Map<String, Object>> group : groups.values()) {
            List<Map<String, Object>> ordered = new ArrayList<>(group);
            ordered.sort(rowOrder(d.aggregationOrder()));
            Map<String, String> agg = new LinkedHashMap<>();
            for (String f : d.upstreamStructKeys()) {
                List<String> values = new ArrayList<>();
                for (Map<String, Object> r : ordered) {
                    Map<String, Object> struct = (Map<String, Object>) r.get(dvbf);
                    Object v = struct == null ? null : struct.get(f);
                    if (v != null) {
                        values.add(v.toString());
                    }
                }
                agg.put(f, hash(String.join("|", values)));
            }
            String sample = hashStruct(agg, d.upstreamStructKeys());
            for (Map<String, Object> r : group) {
                r.put(SystemColumns.DATA_VERSION_BY_FIELD + d.suffix(), new LinkedHashMap<>(agg));
                r.put(SystemColumns.PROVENANCE_BY_FIELD + d.suffix(), new LinkedHashMap<>(agg));
                r.put(SystemColumns.DATA_VERSION + d.suffix(), sample);
                r.put(SystemColumns.PROVENANCE + d.suffix(), sample);
            }
        }
    }

    /** Orders rows by the given columns ascending, nulls first (Polars' default). */
    static Comparator<Map<String, Object>> rowOrder(List<String> columns) {
        return (a, b) -> {
            for (String c : columns) {
                int cmp = compareValues(a.get(c), b.get(c));
                if (cmp != 0) {
                    return cmp;
                }
            }
            return 0;
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object x, Object y) {
        if (x == null || y == null) {
            return x == null ? (y == null ? 0 : -1) : 1;
        }
        if (x instanceof Number nx && y instanceof Number ny) {
            return new java.math.BigDecimal(nx.toString()).compareTo(new java.math.BigDecimal(ny.toString()));
        }
        if (x instanceof Comparable cx && x.getClass().equals(y.getClass())) {
            return cx.compareTo(y);
        }
        return x.toString().compareTo(y.toString());
    }

    private enum JoinKind { INNER, LEFT, FULL }

    private static List<Map<String, Object>> join(List<Map<String, Object>> left, List<Map<String, Object>> right,
                                                  List<String> on, JoinKind kind) {
        Map<List<Object>, List<Integer>> index = new LinkedHashMap<>();
        for (int j = 0; j < right.size(); j++) {
            List<Object> key = keyOf(right.get(j), on);
            if (key != null) {
                index.computeIfAbsent(key, k -> new ArrayList<>()).add(j);
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        Set<Integer> matched = new HashSet<>();
        for (Map<String, Object> l : left) {
            List<Object> key = keyOf(l, on);
            List<Integer> hits = key == null ? List.of() : index.getOrDefault(key, List.of());
            for (int j : hits) {
                Map<String, Object> row = new LinkedHashMap<>(l);
                right.get(j).forEach((c, v) -> {
                    if (!on.contains(c)) {
                        row.put(c, v);
                    }
                });
                out.add(row);
                matched.add(j);
            }
            if (hits.isEmpty() && kind != JoinKind.INNER) {
                out.add(new LinkedHashMap<>(l));
            }
        }
        if (kind == JoinKind.FULL) {
            for (int j = 0; j < right.size(); j++) {
                if (!matched.contains(j)) {
                    out.add(new LinkedHashMap<>(right.get(j)));
                }
            }
        }
        return out;
    }

    private static List<Object> keyOf(Map<String, Object> row, List<String> on) {
        List<Object> key = new ArrayList<>(on.size());
        for (String c : on) {
            Object v = row.get(c);
            if (v == null) {
                return null;
            }
            key.add(v instanceof Number n ? new java.math.BigDecimal(n.toString()).stripTrailingZeros() : v);
        }
        return key;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> withProvenance(FeaturePlan plan, Map<String, Object> row) {
        Map<String, String> pbf = new LinkedHashMap<>();
        for (FeaturePlan.FieldPlan f : plan.fields()) {
            List<String> parts = new ArrayList<>();
            parts.add(f.fieldKey());
            parts.add(f.codeVersion());
            boolean isNull = false;
            for (FeaturePlan.ParentField p : f.parents()) {
                parts.add(p.qualified().toString());
                Map<String, Object> struct = (Map<String, Object>) row.get(p.dataVersionColumn());
                Object v = struct == null ? null : struct.get(p.structKey());
                if (v == null) {
                    if (p.optional()) {
                        parts.add("");
                    } else {
                        isNull = true;
                    }
                } else {
                    parts.add(v.toString());
                }
            }
            pbf.put(f.structKey(), isNull ? null : hash(String.join("|", parts)));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((c, v) -> {
            if (!isRenamedVersioningColumn(c)) {
                out.put(c, v);
            }
        });
        String provenance = hashStruct(pbf, plan.sortedStructKeys());
        out.put(SystemColumns.PROVENANCE_BY_FIELD, pbf);
        out.put(SystemColumns.PROVENANCE, provenance);
        out.put(SystemColumns.DATA_VERSION_BY_FIELD, new LinkedHashMap<>(pbf));
        out.put(SystemColumns.DATA_VERSION, provenance);
        return out;
    }

    private static boolean isRenamedVersioningColumn(String c) {
        for (String s : SystemColumns.VERSIONING) {
            if (c.startsWith(s + "__")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The sample-level hash of a by-field struct: its values for {@code structKeys} (sorted) joined with {@code |}.
     * Null when the struct or any value is null; a missing key is an error.
     */
    public String hashStruct(Map<String, ?> struct, List<String> structKeys) {
        if (struct == null) {
            return null;
        }
        List<String> keys = new ArrayList<>(structKeys);
        keys.sort(Comparator.naturalOrder());
        List<String> values = new ArrayList<>(keys.size());
        for (String k : keys) {
            if (!struct.containsKey(k)) {
                throw new IllegalArgumentException("By-field struct " + struct.keySet() + " has no entry for field '" + k + "'");
            }
            Object v = struct.get(k);
            if (v == null) {
                return null;
            }
            values.add(v.toString());
        }
        return hash(String.join("|", values));
    }

    /**
     * Root-feature samples completed as {@code resolve_update} does: {@code metaxy_provenance} recomputed from
     * {@code metaxy_provenance_by_field}; data-version columns copied from provenance when absent.
     */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> rootSamples(Object target, List<Map<String, Object>> samples) {
        FeaturePlan plan = FeaturePlan.of(graph, target);
        List<Map<String, Object>> out = new ArrayList<>(samples.size());
        for (Map<String, Object> s : samples) {
            Object pbf = s.get(SystemColumns.PROVENANCE_BY_FIELD);
            if (!(pbf instanceof Map)) {
                throw new IllegalArgumentException("Sample " + s + " of '" + plan.key() + "' has no metaxy_provenance_by_field struct");
            }
            Map<String, Object> row = new LinkedHashMap<>(s);
            String provenance = hashStruct((Map<String, ?>) pbf, plan.sortedStructKeys());
            row.put(SystemColumns.PROVENANCE, provenance);
            if (!row.containsKey(SystemColumns.DATA_VERSION_BY_FIELD) || row.get(SystemColumns.DATA_VERSION_BY_FIELD) == null) {
                row.put(SystemColumns.DATA_VERSION_BY_FIELD, new LinkedHashMap<>((Map<String, Object>) pbf));
                row.put(SystemColumns.DATA_VERSION, provenance);
            } else if (row.get(SystemColumns.DATA_VERSION) == null) {
                row.put(SystemColumns.DATA_VERSION,
                    hashStruct((Map<String, ?>) row.get(SystemColumns.DATA_VERSION_BY_FIELD), plan.sortedStructKeys()));
            }
            out.add(row);
        }
        return out;
    }
}
