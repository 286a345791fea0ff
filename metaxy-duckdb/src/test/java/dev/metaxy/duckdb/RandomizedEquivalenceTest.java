package dev.metaxy.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metaxy.definition.FeatureDep;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.definition.SystemColumns;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.hash.Truncation;
import dev.metaxy.sql.SqlRelation;
import dev.metaxy.sql.SqlVersioningEngine;
import dev.metaxy.versioning.FeaturePlan;
import dev.metaxy.versioning.ReferenceEngine;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Seeded random graphs and data: for every non-root feature and every hash algorithm, the DuckDB expected rows
 * equal {@link ReferenceEngine#expected} as multisets. Each level's upstream is built from the level below.
 */
class RandomizedEquivalenceTest {
    private static final int SEEDS = 60;
    private static final List<Truncation> TRUNCATIONS = List.of(Truncation.DEFAULT, Truncation.of(12), Truncation.NONE);

    @TestFactory
    Stream<DynamicTest> sqlEqualsReference() {
        return IntStream.range(0, SEEDS).boxed().flatMap(seed -> Stream.of(HashAlgorithm.values()).map(algorithm ->
            DynamicTest.dynamicTest("seed " + seed + " " + algorithm.configName(), () -> run(seed, algorithm))));
    }

    private static void run(long seed, HashAlgorithm algorithm) throws Exception {
        Truncation truncation = TRUNCATIONS.get((int) (seed % TRUNCATIONS.size()));
        RandomScenario s = new RandomScenario(seed * 7919 + algorithm.ordinal(), truncation);
        DuckDbDialect dialect = DuckDbDialect.of(seed % 2 == 1);
        ReferenceEngine reference = new ReferenceEngine(s.graph, algorithm);
        SqlVersioningEngine sql = new SqlVersioningEngine(dialect, algorithm, truncation);
        Map<FeatureKey, List<Map<String, Object>>> stored = new HashMap<>();
        Map<FeatureKey, SqlRelation> tables = new HashMap<>();
        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:")) {
            DuckDbHashFunctions.register(conn);
            DuckDbTables creator = new DuckDbTables(conn, dialect);
            int t = 0;
            for (RandomScenario.Node node : s.nodes) {
                FeatureKey key = node.spec().key();
                List<Map<String, Object>> rows;
                if (node.spec().isRoot()) {
                    rows = s.rootRows(node);
                } else {
                    Map<FeatureKey, List<Map<String, Object>>> upstream = new HashMap<>();
                    Map<FeatureKey, SqlRelation> upstreamTables = new HashMap<>();
                    for (FeatureDep d : node.spec().deps()) {
                        upstream.put(d.feature(), stored.get(d.feature()));
                        upstreamTables.put(d.feature(), tables.get(d.feature()));
                    }
                    FeaturePlan plan = FeaturePlan.of(s.graph, key);
                    List<Map<String, Object>> want = reference.expected(key, upstream, s.runtimeFilters);
                    SqlRelation query = sql.expectedQuery(plan, upstreamTables, s.runtimeFilters);
                    List<Map<String, Object>> got = QueryRows.run(conn, query.sql());
                    List<String> wantColumns = new ArrayList<>();
                    want.forEach(r -> r.keySet().forEach(c -> {
                        if (!wantColumns.contains(c)) {
                            wantColumns.add(c);
                        }
                    }));
                    assertThat(query.columns()).as("columns of %s", key).containsAll(wantColumns);
                    assertThat(QueryRows.canonical(got, query.columns()))
                        .as("feature %s, spec %s\n%s", key, node.spec(), query.sql())
                        .isEqualTo(QueryRows.canonical(want, query.columns()));
                    rows = s.storedRows(node, want);
                }
                stored.put(key, rows);
                Map<String, List<String>> byField = Map.of(
                    SystemColumns.PROVENANCE_BY_FIELD, RandomScenario.structKeys(node.spec()),
                    SystemColumns.DATA_VERSION_BY_FIELD, RandomScenario.structKeys(node.spec()));
                tables.put(key, creator.create("t" + t++, RandomScenario.columns(node), rows, byField, RandomScenario.types(node)));
            }
        }
    }

    /** The generator really produces every shape the engine must handle. */
    @Test
    void scenariosCoverEveryShape() {
        Map<String, Integer> seen = new HashMap<>();
        for (long seed = 0; seed < SEEDS; seed++) {
            RandomScenario s = new RandomScenario(seed * 7919, Truncation.DEFAULT);
            for (RandomScenario.Node node : s.nodes) {
                List<FeatureDep> deps = node.spec().deps();
                if (!deps.isEmpty() && deps.stream().allMatch(FeatureDep::optional)) {
                    seen.merge("all optional", 1, Integer::sum);
                }
                for (FeatureDep d : deps) {
                    seen.merge(d.lineage().getClass().getSimpleName(), 1, Integer::sum);
                    d.select().ifPresent(x -> seen.merge("select", 1, Integer::sum));
                    d.rename().ifPresent(x -> seen.merge("rename", 1, Integer::sum));
                    d.sqlFilters().ifPresent(x -> seen.merge("sql_filters", 1, Integer::sum));
                    if (d.optional()) {
                        seen.merge("optional", 1, Integer::sum);
                    }
                }
                if (deps.size() > 1) {
                    seen.merge("several deps", 1, Integer::sum);
                }
            }
            if (!s.runtimeFilters.isEmpty()) {
                seen.merge("runtime filters", 1, Integer::sum);
            }
        }
        assertThat(seen.keySet()).contains("Identity", "Aggregation", "Expansion", "select", "rename", "sql_filters",
            "optional", "all optional", "several deps", "runtime filters");
        assertThat(seen.values()).allMatch(n -> n >= 5);
    }
}
