package dev.metaxy.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metaxy.definition.FeatureDep;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.Lineage;
import dev.metaxy.expr.Expressions;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.store.DeleteOptions;
import dev.metaxy.store.Increment;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.versioning.FeaturePlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The store's native increments against {@link dev.metaxy.versioning.ReferenceEngine} on seeded random graphs
 * (1–4 levels, 1–3 dependencies, identity/aggregation/expansion lineages, optional dependencies, renames) and random
 * upstream data: new rows after the first root write, new/stale/orphaned after root changes, and idempotency
 * (§15 items 21, 23, 25–27, 33). A failing seed is reported in the assertion description.
 */
public abstract class RandomizedEngineContract extends StoreContract {

    /** How many seeds to run: the {@link ContractStores}' answer, else 16 (override for longer soaks). */
    protected int randomizedRuns() {
        ContractStores stores = stores();
        return stores != null ? stores.randomizedRuns() : 16;
    }

    /** One dynamic test per seed 1..{@link #randomizedRuns()}. */
    @TestFactory
    Stream<DynamicTest> nativeIncrementsEqualTheReferenceEngine() {
        return LongStream.rangeClosed(1, randomizedRuns())
            .mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> runSeed(seed)));
    }

    /** One generated feature: its spec and how downstream rows are keyed. */
    private record Node(FeatureSpec spec, String kind, String userColumn) {
        FeatureKey key() {
            return spec.key();
        }
    }

    private static final class Scenario {
        final List<Node> nodes = new ArrayList<>();
        final List<Node> roots = new ArrayList<>();
        final Map<FeatureKey, Node> byKey = new HashMap<>();

        void add(Node n) {
            nodes.add(n);
            byKey.put(n.key(), n);
            if (n.kind().equals("root")) {
                roots.add(n);
            }
        }

        FeatureGraph graph() {
            List<FeatureSpec> specs = new ArrayList<>();
            nodes.forEach(n -> specs.add(n.spec()));
            return FeatureGraph.of(specs);
        }
    }

    private static List<String> randomFields(Random rnd) {
        List<String> all = new ArrayList<>(List.of("a", "b", "c"));
        java.util.Collections.shuffle(all, rnd);
        return all.subList(0, 1 + rnd.nextInt(2));
    }

    private static Scenario generate(Random rnd) {
        Scenario sc = new Scenario();
        int rootCount = 1 + rnd.nextInt(2);
        for (int i = 0; i < rootCount; i++) {
            FeatureSpec.Builder b = FeatureSpec.builder("rnd/root" + i).idColumns(UID);
            randomFields(rnd).forEach(f -> b.field(f, String.valueOf(1 + rnd.nextInt(3))));
            sc.add(new Node(b.build(), "root", "c_root" + i));
        }
        int levels = rnd.nextInt(8) == 0 ? 0 : 1 + rnd.nextInt(3); // 1..4 levels in total, rarely roots only
        int counter = 0;
        List<Node> identityCapable = new ArrayList<>(sc.roots);
        for (int level = 0; level < levels; level++) {
            int width = 1 + rnd.nextInt(2);
            List<Node> added = new ArrayList<>();
            for (int w = 0; w < width; w++) {
                String name = "f" + counter++;
                double p = rnd.nextDouble();
                FeatureSpec.Builder b;
                String kind;
                if (p < 0.15) {
                    Node up = sc.roots.get(rnd.nextInt(sc.roots.size()));
                    b = FeatureSpec.builder("rnd/" + name).idColumns("grp")
                        .dependsOn(FeatureDep.on(up.key()).lineage(Lineage.aggregation("grp")));
                    kind = "aggregation";
                } else if (p < 0.3) {
                    Node up = identityCapable.get(rnd.nextInt(identityCapable.size()));
                    b = FeatureSpec.builder("rnd/" + name).idColumns(UID, "part")
                        .dependsOn(FeatureDep.on(up.key()).select(up.userColumn()).lineage(Lineage.expansion(UID)));
                    kind = "expansion";
                } else {
                    b = FeatureSpec.builder("rnd/" + name).idColumns(UID);
                    List<Node> pool = new ArrayList<>(identityCapable);
                    java.util.Collections.shuffle(pool, rnd);
                    int deps = Math.min(pool.size(), 1 + rnd.nextInt(3));
                    for (int d = 0; d < deps; d++) {
                        Node up = pool.get(d);
                        FeatureDep.Builder dep = FeatureDep.on(up.key());
                        String column = up.userColumn();
                        if (rnd.nextBoolean()) {
                            String renamed = "r_" + up.userColumn() + "_" + name;
                            dep.rename(column, renamed);
                            column = renamed;
                        }
                        dep.select(column);
                        if (rnd.nextDouble() < 0.25) {
                            dep.optional();
                        }
                        b.dependsOn(dep);
                    }
                    kind = "identity";
                }
                randomFields(rnd).forEach(f -> b.field(f, String.valueOf(1 + rnd.nextInt(3))));
                Node n = new Node(b.build(), kind, "c_" + name);
                added.add(n);
            }
            for (Node n : added) {
                sc.add(n);
                if (n.kind().equals("identity")) {
                    identityCapable.add(n);
                }
            }
        }
        return sc;
    }

    private static Map<String, Object> rootSample(Node root, int uid, Random rnd, String salt) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put(UID, "u" + uid);
        r.put("grp", "g" + (uid % 3));
        r.put(root.userColumn(), "v" + rnd.nextInt(1000));
        Map<String, String> pbf = new LinkedHashMap<>();
        for (var f : root.spec().fields()) {
            pbf.put(f.key().toStructKey(), "h" + salt + "_" + uid + "_" + f.key());
        }
        r.put(PBF, pbf);
        return r;
    }

    /** Writes the computed rows of a feature as a pipeline would (expansion: two children per parent). */
    private static void writeComputed(MetadataStore s, Node n, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Map<String, Object> base = new LinkedHashMap<>(r);
            base.put(n.userColumn(), "computed");
            if (n.kind().equals("expansion")) {
                for (long part = 0; part < 2; part++) {
                    Map<String, Object> c = new LinkedHashMap<>(base);
                    c.put("part", part);
                    out.add(c);
                }
            } else {
                out.add(base);
            }
        }
        write(s, n.key(), out);
    }

    private static List<Object> key(Map<String, Object> row, List<String> columns) {
        List<Object> k = new ArrayList<>();
        columns.forEach(c -> k.add(norm(row.get(c))));
        return k;
    }

    private void runSeed(long seed) {
        Random rnd = new Random(seed);
        Scenario sc = generate(rnd);
        List<HashAlgorithm> algorithms = new ArrayList<>(supportedHashAlgorithms());
        algorithms.sort(null);
        HashAlgorithm algorithm = algorithms.get(rnd.nextInt(algorithms.size()));
        boolean maps = rnd.nextBoolean();
        FeatureGraph graph = sc.graph();
        String label = "seed " + seed + " (" + algorithm.configName() + (maps ? ", map datatype" : "") + ", features "
            + sc.nodes.stream().map(n -> n.key() + ":" + n.kind() + n.spec().deps().stream().map(d -> d.feature().toString()).toList()).toList() + ")";
        MetadataStore s = store(graph, settings().withHashAlgorithm(algorithm).withEnableMapDatatype(maps)
            .withDirectory(dir("seed-" + seed)));
        List<FeatureKey> order = graph.topologicalOrder();
        try (var w = openW(s)) {
            // phase 1: roots written through resolveUpdate(samples); each downstream's new rows equal the reference
            Map<FeatureKey, Set<Integer>> rootIds = new HashMap<>();
            for (Node root : sc.roots) {
                Set<Integer> ids = new HashSet<>(List.of(0, 1, 2, 3, 4));
                for (int i = 5; i < 15; i++) {
                    if (rnd.nextBoolean()) {
                        ids.add(i);
                    }
                }
                rootIds.put(root.key(), ids);
                List<Map<String, Object>> samples = new ArrayList<>();
                ids.stream().sorted().forEach(i -> samples.add(rootSample(root, i, rnd, "1")));
                IncrementRows inc = resolveSamples(s, root.key(), samples);
                assertThat(inc.newRows()).as(label + ": root samples are new").hasSize(samples.size());
                writeRoot(s, root.key(), samples);
            }
            for (FeatureKey k : order) {
                Node n = sc.byKey.get(k);
                if (n.kind().equals("root")) {
                    continue;
                }
                List<Map<String, Object>> expected = referenceExpected(s, k);
                IncrementRows inc = resolve(s, k);
                List<String> cols = idAndVersioning(graph.spec(k).idColumns());
                assertSameRows(label + ": new rows of " + k, inc.newRows(), expected, cols);
                assertThat(inc.staleRows()).as(label + ": stale of " + k).isEmpty();
                assertThat(inc.orphanedRows()).as(label + ": orphaned of " + k).isEmpty();
                writeComputed(s, n, inc.newRows());
                IncrementRows again = resolve(s, k);
                assertThat(again.newRows()).as(label + ": idempotency (new) of " + k).isEmpty();
                assertThat(again.staleRows()).as(label + ": idempotency (stale) of " + k).isEmpty();
            }

            // phase 2: change, add and remove root samples; compare new/stale/orphaned with the reference
            for (Node root : sc.roots) {
                Set<Integer> ids = rootIds.get(root.key());
                List<Map<String, Object>> changed = new ArrayList<>();
                for (int i : ids) {
                    if (rnd.nextDouble() < 0.3) {
                        changed.add(rootSample(root, i, rnd, "2"));
                    }
                }
                for (int i = 15; i < 15 + rnd.nextInt(3); i++) {
                    changed.add(rootSample(root, i, rnd, "1"));
                }
                if (!changed.isEmpty()) {
                    pause();
                    writeRoot(s, root.key(), changed);
                }
                List<String> removable = ids.stream().filter(i -> i >= 5).map(i -> "u" + i).toList();
                if (!removable.isEmpty() && rnd.nextBoolean()) {
                    s.delete(root.key(), Expressions.in(UID, removable.get(0)), rnd.nextBoolean() ? DeleteOptions.hard() : DeleteOptions.soft());
                }
            }
            for (FeatureKey k : order) {
                Node n = sc.byKey.get(k);
                if (n.kind().equals("root")) {
                    continue;
                }
                List<String> join = FeaturePlan.of(graph, k).joinColumns();
                List<Map<String, Object>> expected = referenceExpected(s, k);
                Map<List<Object>, Object> current = new HashMap<>();
                for (Map<String, Object> r : readRows(s, k)) {
                    current.putIfAbsent(key(r, join), r.get(PROV));
                }
                Set<List<Object>> expectedKeys = new HashSet<>();
                List<Map<String, Object>> wantNew = new ArrayList<>();
                List<Map<String, Object>> wantStale = new ArrayList<>();
                for (Map<String, Object> r : expected) {
                    List<Object> rk = key(r, join);
                    expectedKeys.add(rk);
                    if (!current.containsKey(rk)) {
                        wantNew.add(r);
                    } else if (current.get(rk) == null || !current.get(rk).equals(r.get(PROV))) {
                        wantStale.add(r);
                    }
                }
                Set<List<Object>> wantOrphaned = new HashSet<>(current.keySet());
                wantOrphaned.removeAll(expectedKeys);

                IncrementRows inc = resolve(s, k);
                List<String> cols = idAndVersioning(graph.spec(k).idColumns());
                assertSameRows(label + ": new rows of " + k + " after root changes", inc.newRows(), wantNew, cols);
                assertSameRows(label + ": stale rows of " + k + " after root changes", inc.staleRows(), wantStale, cols);
                Set<List<Object>> orphaned = new HashSet<>();
                inc.orphanedRows().forEach(r -> orphaned.add(key(r, join)));
                assertThat(orphaned).as(label + ": orphaned keys of " + k).isEqualTo(wantOrphaned);
                assertThat(inc.orphanedRows()).as(label + ": one orphaned row per key of " + k).hasSize(wantOrphaned.size());

                try (Increment eager = s.resolveUpdate(k)) {
                    writeComputed(s, n, eager.newSamples().toRows());
                    writeComputed(s, n, eager.stale().toRows());
                }
                IncrementRows again = resolve(s, k);
                assertThat(again.newRows()).as(label + ": idempotency (new) of " + k + " after changes").isEmpty();
                assertThat(again.staleRows()).as(label + ": idempotency (stale) of " + k + " after changes").isEmpty();
            }
        }
    }
}
