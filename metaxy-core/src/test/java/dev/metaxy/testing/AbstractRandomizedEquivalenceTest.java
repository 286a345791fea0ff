package dev.metaxy.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metaxy.definition.FeatureDep;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.hash.Truncation;
import dev.metaxy.sql.SqlRelation;
import dev.metaxy.sql.SqlVersioningEngine;
import dev.metaxy.versioning.FeaturePlan;
import dev.metaxy.versioning.ReferenceEngine;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Seeded random graphs and data ({@link RandomScenario}): for every non-root feature, seed and hash algorithm, the
 * rows of the module's SQL {@link SqlVersioningEngine#expectedQuery} equal {@link ReferenceEngine#expected} as
 * multisets. Each level's upstream tables are built from the level below.
 *
 * <p>A module subclasses this and implements {@link #dialect(long)} and {@link #withConnection}; it overrides
 * {@link #algorithms()} when its database does not compute every algorithm.
 */
public abstract class AbstractRandomizedEquivalenceTest {
    private static final int SEEDS = 60;
    private static final List<Truncation> TRUNCATIONS = List.of(Truncation.DEFAULT, Truncation.of(12), Truncation.NONE);

    /** The dialect seed {@code seed} runs with (a module with several by-field modes alternates them). */
    protected abstract SqlTestDialect dialect(long seed);

    /** Runs {@code work} on a connection with the module's hash functions installed (per seed or shared). */
    protected abstract void withConnection(ConnectionWork work) throws Exception;

    /** The algorithms every seed runs with (default: all of them). */
    protected Set<HashAlgorithm> algorithms() {
        return EnumSet.allOf(HashAlgorithm.class);
    }

    @TestFactory
    Stream<DynamicTest> sqlEqualsReference() {
        List<HashAlgorithm> algorithms = algorithms().stream().sorted().toList();
        return IntStream.range(0, SEEDS).boxed().flatMap(seed -> algorithms.stream().map(algorithm ->
            DynamicTest.dynamicTest("seed " + seed + " " + algorithm.configName(), () -> run(seed, algorithm))));
    }

    private void run(long seed, HashAlgorithm algorithm) throws Exception {
        Truncation truncation = TRUNCATIONS.get((int) (seed % TRUNCATIONS.size()));
        RandomScenario s = new RandomScenario(seed * 7919 + algorithm.ordinal(), truncation);
        SqlTestDialect dialect = dialect(seed);
        ReferenceEngine reference = new ReferenceEngine(s.graph, algorithm);
        SqlVersioningEngine sql = new SqlVersioningEngine(dialect.dialect(), algorithm, truncation);
        Map<FeatureKey, List<Map<String, Object>>> stored = new HashMap<>();
        Map<FeatureKey, SqlRelation> tables = new HashMap<>();
        withConnection(conn -> {
            SqlTestTables creator = new SqlTestTables(conn, dialect);
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
                    List<Map<String, Object>> got = creator.query(query.sql());
                    assertThat(query.columns()).as("columns of %s", key).containsAll(Rows.columns(want));
                    assertThat(Rows.canonical(got, query.columns()))
                        .as("feature %s, spec %s\n%s", key, node.spec(), query.sql())
                        .isEqualTo(Rows.canonical(want, query.columns()));
                    rows = s.storedRows(node, want);
                }
                stored.put(key, rows);
                tables.put(key, creator.create("t" + t++, RandomScenario.columns(node), rows,
                    SqlTestTables.byFieldColumns(node.spec()), RandomScenario.types(node)));
            }
        });
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
