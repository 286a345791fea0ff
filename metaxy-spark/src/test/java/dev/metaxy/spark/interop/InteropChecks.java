package dev.metaxy.spark.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.SystemColumns;
import dev.metaxy.frame.Frame;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.Increment;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.ReadOptions;
import dev.metaxy.store.ResolveOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the interop tests check between the Spark store and a storage-only store over the same tables: a root and a
 * child written by one, read back alike by the other (rows, columns, hashes), nothing to resolve on the other's
 * tables, and the same increment after an append.
 */
final class InteropChecks {
    static final FeatureSpec ROOT = FeatureSpec.builder("interop/root").idColumns("sample_uid").field("a", "1").field("b", "1").build();
    static final FeatureSpec CHILD = FeatureSpec.builder("interop/child").idColumns("sample_uid").dependsOn(ROOT).field("c", "1").build();
    static final FeatureGraph GRAPH = FeatureGraph.of(List.of(ROOT, CHILD));
    static final List<String> COMPARED = List.of("sample_uid", "user_value", SystemColumns.PROVENANCE_BY_FIELD, SystemColumns.PROVENANCE,
        SystemColumns.DATA_VERSION_BY_FIELD, SystemColumns.DATA_VERSION, SystemColumns.FEATURE_VERSION, SystemColumns.PROJECT_VERSION,
        SystemColumns.CREATED_AT, SystemColumns.UPDATED_AT, SystemColumns.DELETED_AT, SystemColumns.MATERIALIZATION_ID);

    private InteropChecks() {
    }

    static List<Map<String, Object>> roots(String version) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rows.add(Map.of("sample_uid", "s" + i, "user_value", (long) i,
                SystemColumns.PROVENANCE_BY_FIELD, Map.of("a", "a" + i + version, "b", "b" + i)));
        }
        return rows;
    }

    static void writeRootAndChild(MetadataStore s) {
        try (var w = s.open(AccessMode.WRITE)) {
            s.write(ROOT.key(), roots("x"));
            try (Increment inc = s.resolveUpdate(CHILD.key())) {
                assertThat(inc.newSamples().rowCount()).isEqualTo(6);
                s.write(CHILD.key(), inc.newSamples());
            }
        }
    }

    static void changeOneRoot(MetadataStore s) {
        try (var w = s.open(AccessMode.WRITE)) {
            s.write(ROOT.key(), List.of(Map.of("sample_uid", "s2", "user_value", 2L,
                SystemColumns.PROVENANCE_BY_FIELD, Map.of("a", "changed", "b", "b2"))));
        }
    }

    static void assertReadsTheSame(MetadataStore writer, MetadataStore reader) {
        for (var key : List.of(ROOT.key(), CHILD.key())) {
            List<Map<String, Object>> written = rows(writer, key);
            List<Map<String, Object>> read = rows(reader, key);
            assertThat(read).as("rows of %s", key).hasSize(6);
            List<String> cols = new ArrayList<>(COMPARED);
            if (key.equals(CHILD.key())) {
                cols.remove("user_value");
            }
            assertThat(multiset(read, cols)).as("%s read by %s", key, reader.display()).isEqualTo(multiset(written, cols));
        }
    }

    static void assertNothingToDo(MetadataStore s) {
        try (var r = s.open(AccessMode.READ); Increment inc = s.resolveUpdate(CHILD.key())) {
            assertThat(inc.isEmpty()).as("increment of the other store's tables in " + s.display()).isTrue();
        }
    }

    static void assertSameIncrement(MetadataStore a, MetadataStore b) {
        List<String> cols = List.of("sample_uid", SystemColumns.PROVENANCE_BY_FIELD, SystemColumns.PROVENANCE);
        Map<Map<String, Object>, Integer> staleA;
        Map<Map<String, Object>, Integer> staleB;
        try (var r = a.open(AccessMode.READ); Increment inc = a.resolveUpdate(CHILD.key(), ResolveOptions.defaults())) {
            assertThat(inc.newSamples().rowCount()).isZero();
            staleA = multiset(inc.stale().toRows(), cols);
        }
        try (var r = b.open(AccessMode.READ); Increment inc = b.resolveUpdate(CHILD.key(), ResolveOptions.defaults())) {
            assertThat(inc.newSamples().rowCount()).isZero();
            staleB = multiset(inc.stale().toRows(), cols);
        }
        assertThat(staleA).hasSize(1).isEqualTo(staleB);
    }

    private static List<Map<String, Object>> rows(MetadataStore s, dev.metaxy.definition.FeatureKey key) {
        try (var r = s.open(AccessMode.READ); Frame f = s.read(key, ReadOptions.defaults().allowFallback(false)).collect()) {
            return f.toRows();
        }
    }

    private static Map<Map<String, Object>, Integer> multiset(List<Map<String, Object>> rows, List<String> cols) {
        Map<Map<String, Object>, Integer> out = new HashMap<>();
        for (Map<String, Object> r : rows) {
            Map<String, Object> p = new TreeMap<>();
            for (String c : cols) {
                p.put(c, norm(r.get(c)));
            }
            out.merge(p, 1, Integer::sum);
        }
        return out;
    }

    private static Object norm(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> t = new TreeMap<>();
            m.forEach((k, x) -> t.put(String.valueOf(k), norm(x)));
            return t;
        }
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof java.time.LocalDateTime t) {
            return t.toInstant(java.time.ZoneOffset.UTC);
        }
        return v;
    }
}
