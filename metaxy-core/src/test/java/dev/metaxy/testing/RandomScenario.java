package dev.metaxy.testing;

import dev.metaxy.definition.FeatureDep;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.FieldDep;
import dev.metaxy.definition.Lineage;
import dev.metaxy.definition.SystemColumns;
import dev.metaxy.expr.Expression;
import dev.metaxy.expr.Expressions;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.Truncation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A seeded random feature graph for engine equivalence tests. Every id uses {@code sample_uid} (some roots spell it
 * {@code uid} and dependents rename it); "wide" features add {@code sub}. Identity joins equal widths, aggregation
 * goes wide to narrow, expansion narrow to wide. Dependencies get random renames, selects, filters and optionality.
 *
 * <p>Dialect-independent: a store module builds each node's table from {@link #columns}, {@link #types} (portable
 * type names, see {@link SqlTestTables}) and the rows of {@link #rootRows} / {@link #storedRows}. See
 * {@link AbstractRandomizedEquivalenceTest} for the usual driver.
 */
public final class RandomScenario {
    public static final String UID = "sample_uid";
    public static final String SUB = "sub";
    private static final List<String> FIELD_POOL = List.of("default", "audio", "frames", "text/caption");

    /** One feature: its spec, whether its ids include {@code sub}, and its own user columns. */
    public record Node(FeatureSpec spec, boolean wide, String idName) {
        public String tag() {
            return spec.key().toColumnSuffix().substring(2);
        }

        public String valColumn() {
            return "val_" + tag();
        }

        public String numColumn() {
            return "num_" + tag();
        }

        public List<String> idColumns() {
            return spec.idColumns();
        }
    }

    private final Random rnd;
    /** The generated graph: roots first, then each level's features. */
    public final FeatureGraph graph;
    /** The features in registration order (every upstream before its dependents). */
    public final List<Node> nodes = new ArrayList<>();
    /** Runtime filters per upstream feature, to pass to the engines as they are. */
    public final Map<FeatureKey, List<Expression>> runtimeFilters = new HashMap<>();

    /** A graph drawn from {@code seed} (same seed, same graph and rows). */
    public RandomScenario(long seed, Truncation truncation) {
        this.rnd = new Random(seed);
        this.graph = new FeatureGraph(truncation);
        int roots = 1 + rnd.nextInt(3);
        for (int i = 0; i < roots; i++) {
            boolean wide = rnd.nextBoolean();
            String idName = !wide && rnd.nextInt(3) == 0 ? "uid" : UID;
            FeatureSpec spec = FeatureSpec.builder(FeatureKey.of("root", "r" + i))
                .idColumns(wide ? List.of(UID, SUB) : List.of(idName))
                .fields(fields(List.of()))
                .build();
            add(new Node(spec, wide, idName));
        }
        int levels = 1 + rnd.nextInt(4);
        int previousStart = 0;
        for (int level = 1; level <= levels; level++) {
            int start = nodes.size();
            int count = 1 + rnd.nextInt(2);
            for (int i = 0; i < count; i++) {
                add(nonRoot("l" + level, "f" + i, previousStart, start));
            }
            previousStart = start;
        }
    }

    private void add(Node node) {
        nodes.add(node);
        graph.register(node.spec());
    }

    private Node nonRoot(String level, String name, int previousStart, int previousEnd) {
        boolean wide = rnd.nextBoolean();
        FeatureKey key = FeatureKey.of(level, name);
        List<Node> candidates = new ArrayList<>(nodes.subList(0, previousEnd));
        List<Node> chosen = new ArrayList<>();
        chosen.add(nodes.get(previousStart + rnd.nextInt(previousEnd - previousStart)));
        int extra = rnd.nextInt(3);
        for (int i = 0; i < extra; i++) {
            Node n = candidates.get(rnd.nextInt(candidates.size()));
            if (!chosen.contains(n)) {
                chosen.add(n);
            }
        }
        List<FeatureDep> deps = new ArrayList<>();
        for (Node up : chosen) {
            deps.add(dep(key, wide, up));
        }
        FeatureSpec spec = FeatureSpec.builder(key)
            .idColumns(wide ? List.of(UID, SUB) : List.of(UID))
            .deps(deps)
            .fields(fields(chosen))
            .build();
        return new Node(spec, wide, UID);
    }

    private FeatureDep dep(FeatureKey target, boolean wide, Node up) {
        FeatureDep.Builder b = FeatureDep.on(up.spec().key());
        Map<String, String> rename = new LinkedHashMap<>();
        if (up.idName().equals("uid")) {
            rename.put("uid", UID);
        }
        String val = up.valColumn();
        if (rnd.nextInt(10) < 4) {
            val = "rv_" + up.tag() + "_" + target.toColumnSuffix().substring(2);
            rename.put(up.valColumn(), val);
        }
        if (!rename.isEmpty()) {
            b.rename(rename);
        }
        boolean explicitOn = false;
        if (up.wide() && !wide) {
            explicitOn = rnd.nextBoolean();
            b.lineage(explicitOn ? Lineage.aggregation(UID) : Lineage.aggregation());
        } else if (!up.wide() && wide) {
            b.lineage(Lineage.expansion(UID));
        }
        if (rnd.nextInt(10) < 3) {
            List<String> select = new ArrayList<>();
            if (rnd.nextBoolean()) {
                select.add(val);
            }
            if (rnd.nextBoolean()) {
                select.add(up.numColumn());
            }
            if (explicitOn) {
                select.add(SUB);
            }
            b.select(select);
        }
        String num = up.numColumn();
        switch (rnd.nextInt(8)) {
            case 0 -> b.filter(num + " > 1");
            case 1 -> b.filter(val + " IS NOT NULL");
            case 2 -> b.filter(num + " IN (1, 2, 3, 4) OR " + num + " IS NULL");
            case 3 -> b.filter("NOT " + num + " = 0");
            default -> { }
        }
        if (rnd.nextInt(5) == 0) {
            runtimeFilters.computeIfAbsent(up.spec().key(), k -> new ArrayList<>()).add(Expressions.lessThan(num, 5L));
        }
        if (rnd.nextInt(4) == 0) {
            b.optional();
        }
        return b.build();
    }

    private List<dev.metaxy.definition.FieldSpec> fields(List<Node> upstream) {
        List<String> pool = new ArrayList<>(FIELD_POOL);
        java.util.Collections.shuffle(pool, rnd);
        int n = 1 + rnd.nextInt(3);
        List<dev.metaxy.definition.FieldSpec> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String code = String.valueOf(1 + rnd.nextInt(2));
            if (!upstream.isEmpty() && rnd.nextInt(10) < 3) {
                Node up = upstream.get(rnd.nextInt(upstream.size()));
                List<dev.metaxy.definition.FieldSpec> upFields = up.spec().fields();
                String f = upFields.get(rnd.nextInt(upFields.size())).key().toString();
                out.add(dev.metaxy.definition.FieldSpec.of(pool.get(i), code, FieldDep.on(up.spec().key(), f)));
            } else {
                out.add(dev.metaxy.definition.FieldSpec.of(pool.get(i), code));
            }
        }
        return out;
    }

    /** The struct keys of a feature's fields. */
    public static List<String> structKeys(FeatureSpec spec) {
        List<String> keys = new ArrayList<>();
        spec.fields().forEach(f -> keys.add(f.key().toStructKey()));
        return keys;
    }

    /** Random stored rows of a root feature. */
    public List<Map<String, Object>> rootRows(Node node) {
        List<Map<String, Object>> rows = new ArrayList<>();
        Set<List<Object>> seen = new HashSet<>();
        int n = 3 + rnd.nextInt(9);
        for (int i = 0; i < n; i++) {
            Long uid = rnd.nextInt(12) == 0 ? null : (long) rnd.nextInt(5);
            Long sub = node.wide() ? (long) rnd.nextInt(3) : null;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put(node.wide() ? UID : node.idName(), uid);
            if (node.wide()) {
                row.put(SUB, sub);
            }
            if (seen.add(new ArrayList<>(row.values()))) {
                Map<String, String> pbf = new LinkedHashMap<>();
                for (String k : structKeys(node.spec())) {
                    pbf.put(k, rnd.nextInt(15) == 0 ? null : "h" + rnd.nextInt(1000));
                }
                rows.add(complete(node, row, pbf, "p" + rnd.nextInt(1000)));
            }
        }
        return rows;
    }

    /**
     * Stored rows of a non-root feature from its expected rows: wide features missing {@code sub} expand into
     * children, duplicates per id are dropped, some data versions are overridden.
     */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> storedRows(Node node, List<Map<String, Object>> expected) {
        List<Map<String, Object>> rows = new ArrayList<>();
        Set<List<Object>> seen = new HashSet<>();
        for (Map<String, Object> e : expected) {
            List<Long> subs = new ArrayList<>();
            if (node.wide() && e.get(SUB) == null) {
                int children = 1 + rnd.nextInt(3);
                for (int s = 0; s < children; s++) {
                    subs.add((long) s);
                }
            } else {
                subs.add(node.wide() ? (Long) e.get(SUB) : null);
            }
            for (Long sub : subs) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put(UID, e.get(UID));
                if (node.wide()) {
                    row.put(SUB, sub);
                }
                if (seen.add(new ArrayList<>(row.values()))) {
                    Map<String, String> pbf = new LinkedHashMap<>((Map<String, String>) e.get(SystemColumns.PROVENANCE_BY_FIELD));
                    rows.add(complete(node, row, pbf, (String) e.get(SystemColumns.PROVENANCE)));
                }
            }
        }
        return rows;
    }

    private Map<String, Object> complete(Node node, Map<String, Object> row, Map<String, String> pbf, String provenance) {
        row.put(node.valColumn(), rnd.nextInt(6) == 0 ? null : "v" + rnd.nextInt(5));
        row.put(node.numColumn(), rnd.nextInt(6) == 0 ? null : (long) rnd.nextInt(6));
        Map<String, String> dvbf = new LinkedHashMap<>(pbf);
        String dv = provenance;
        if (rnd.nextInt(5) == 0) {
            String k = dvbf.keySet().iterator().next();
            dvbf.put(k, rnd.nextInt(4) == 0 ? null : "ovr" + rnd.nextInt(100));
            dv = "dv" + rnd.nextInt(100);
        }
        row.put(SystemColumns.PROVENANCE_BY_FIELD, pbf);
        row.put(SystemColumns.PROVENANCE, provenance);
        row.put(SystemColumns.DATA_VERSION_BY_FIELD, dvbf);
        row.put(SystemColumns.DATA_VERSION, dv);
        row.put(SystemColumns.FEATURE_VERSION, "fv");
        row.put(SystemColumns.PROJECT_VERSION, "pv");
        row.put(SystemColumns.CREATED_AT, Instant.parse("2026-01-01T00:00:00Z"));
        row.put(SystemColumns.UPDATED_AT, Instant.parse("2026-01-02T00:00:00Z"));
        row.put(SystemColumns.DELETED_AT, null);
        row.put(SystemColumns.MATERIALIZATION_ID, null);
        return row;
    }

    /** Column types of a node's stored table (ids and numbers BIGINT, system timestamps TIMESTAMPTZ). */
    public static Map<String, String> types(Node node) {
        Map<String, String> types = new HashMap<>();
        types.put(node.idName(), "BIGINT");
        types.put(UID, "BIGINT");
        types.put(SUB, "BIGINT");
        types.put(node.valColumn(), "VARCHAR");
        types.put(node.numColumn(), "BIGINT");
        types.put(SystemColumns.PROVENANCE, "VARCHAR");
        types.put(SystemColumns.DATA_VERSION, "VARCHAR");
        types.put(SystemColumns.FEATURE_VERSION, "VARCHAR");
        types.put(SystemColumns.PROJECT_VERSION, "VARCHAR");
        types.put(SystemColumns.CREATED_AT, "TIMESTAMPTZ");
        types.put(SystemColumns.UPDATED_AT, "TIMESTAMPTZ");
        types.put(SystemColumns.DELETED_AT, "TIMESTAMPTZ");
        types.put(SystemColumns.MATERIALIZATION_ID, "VARCHAR");
        return types;
    }

    /** Column order of a node's stored table. */
    public static List<String> columns(Node node) {
        List<String> cols = new ArrayList<>(node.idColumns());
        cols.add(node.valColumn());
        cols.add(node.numColumn());
        cols.addAll(SystemColumns.ALL);
        return cols;
    }
}
