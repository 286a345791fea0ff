package dev.metaxy.postgres;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The DuckDB module's seeded randomized comparison, run in PostgreSQL: for every non-root feature of random graphs
 * (identity, aggregation, expansion, renames, selects, filters, optional deps) and every algorithm the store
 * supports, the PostgreSQL expected rows equal {@link ReferenceEngine#expected} as multisets.
 */
class RandomizedEquivalenceTest {
    private static final int SEEDS = 60;
    private static final List<Truncation> TRUNCATIONS = List.of(Truncation.DEFAULT, Truncation.of(12), Truncation.NONE);
    private static Connection conn;

    @BeforeAll
    static void connect() throws Exception {
        conn = DriverManager.getConnection(PostgresServer.get().freshDatabase("randomized"));
        PostgresHashFunctions.install(conn);
        try (var st = conn.createStatement()) {
            st.execute("SET TIME ZONE 'UTC'");
        }
    }

    @AfterAll
    static void disconnect() throws Exception {
        conn.close();
    }

    @TestFactory
    Stream<DynamicTest> sqlEqualsReference() {
        return IntStream.range(0, SEEDS).boxed().flatMap(seed -> PostgresDialect.SUPPORTED.stream()
            .sorted().map(algorithm -> DynamicTest.dynamicTest("seed " + seed + " " + algorithm.configName(), () -> run(seed, algorithm))));
    }

    private static void run(long seed, HashAlgorithm algorithm) throws Exception {
        Truncation truncation = TRUNCATIONS.get((int) (seed % TRUNCATIONS.size()));
        RandomScenario s = new RandomScenario(seed * 7919 + algorithm.ordinal(), truncation);
        ReferenceEngine reference = new ReferenceEngine(s.graph, algorithm);
        SqlVersioningEngine sql = new SqlVersioningEngine(PostgresDialect.INSTANCE, algorithm, truncation);
        Map<FeatureKey, List<Map<String, Object>>> stored = new HashMap<>();
        Map<FeatureKey, SqlRelation> tables = new HashMap<>();
        PgTables creator = new PgTables(conn);
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
                List<Map<String, Object>> got = PgQueryRows.run(conn, query.sql());
                List<String> wantColumns = new ArrayList<>();
                want.forEach(r -> r.keySet().forEach(c -> {
                    if (!wantColumns.contains(c)) {
                        wantColumns.add(c);
                    }
                }));
                assertThat(query.columns()).as("columns of %s", key).containsAll(wantColumns);
                assertThat(PgQueryRows.canonical(got, query.columns()))
                    .as("feature %s, spec %s\n%s", key, node.spec(), query.sql())
                    .isEqualTo(PgQueryRows.canonical(want, query.columns()));
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
