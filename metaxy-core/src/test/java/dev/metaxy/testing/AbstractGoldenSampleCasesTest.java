package dev.metaxy.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.hash.Truncation;
import dev.metaxy.sql.HashAlgorithmNotSupportedException;
import dev.metaxy.sql.SqlRelation;
import dev.metaxy.sql.SqlVersioningEngine;
import dev.metaxy.sql.VersioningDialect;
import dev.metaxy.versioning.FeaturePlan;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Every sample case of the golden vectors (Python Metaxy's expected rows) run as SQL on a store module's database:
 * the upstream rows become tables, {@link SqlVersioningEngine#expectedQuery} runs, and its rows must equal the
 * case's expected rows as a multiset. A case whose algorithm the dialect does not support must be refused with
 * {@link HashAlgorithmNotSupportedException} naming every supported algorithm.
 *
 * <p>A module subclasses this, adds one {@code @TestFactory} per by-field mode returning
 * {@link #sampleCases(SqlTestDialect)}, and implements {@link #withConnection}.
 */
public abstract class AbstractGoldenSampleCasesTest {
    /** Runs {@code work} on a connection with the module's hash functions installed (per case or shared). */
    protected abstract void withConnection(ConnectionWork work) throws Exception;

    /** One dynamic test per sample case (named by its id), run with {@code sql}; there must be 43. */
    protected final Stream<DynamicTest> sampleCases(SqlTestDialect sql) throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : GoldenCases.sampleCases()) {
            tests.add(DynamicTest.dynamicTest(c.get("id").asText(), () -> check(sql, c)));
        }
        assertThat(tests).hasSize(GoldenCases.SAMPLE_CASES);
        return tests.stream();
    }

    private void check(SqlTestDialect sql, JsonNode c) throws Exception {
        Truncation truncation = GoldenCases.truncation(c);
        FeatureGraph graph = GoldenCases.graph(c);
        FeaturePlan plan = FeaturePlan.of(graph, c.get("target_feature").asText());
        VersioningDialect dialect = sql.dialect();
        HashAlgorithm algorithm = GoldenCases.algorithm(c);
        if (!dialect.supportedHashAlgorithms().contains(algorithm)) {
            var refused = assertThatThrownBy(() -> new SqlVersioningEngine(dialect, algorithm, truncation))
                .isInstanceOf(HashAlgorithmNotSupportedException.class);
            dialect.supportedHashAlgorithms().forEach(a -> refused.hasMessageContaining(a.configName()));
            return;
        }
        withConnection(conn -> {
            SqlTestTables tables = new SqlTestTables(conn, sql);
            Map<FeatureKey, SqlRelation> upstream = new HashMap<>();
            int n = 0;
            for (Map.Entry<String, JsonNode> e : c.get("upstream").properties()) {
                FeatureSpec spec = graph.spec(e.getKey());
                upstream.put(spec.key(), tables.create("upstream_" + n++, null, GoldenCases.rows(e.getValue()),
                    SqlTestTables.byFieldColumns(spec), null));
            }
            SqlVersioningEngine engine = new SqlVersioningEngine(dialect, algorithm, truncation);
            SqlRelation expected = engine.expectedQuery(plan, upstream, GoldenCases.runtimeFilters(c));
            List<Map<String, Object>> got = tables.query(expected.sql());
            List<Map<String, Object>> want = GoldenCases.rows(c.get("expected_rows"));
            List<String> compared = GoldenCases.comparedColumns(want);
            assertThat(Rows.canonical(got, compared)).as(expected.sql()).isEqualTo(Rows.canonical(want, compared));
            assertThat(got).hasSize(want.size());
        });
    }
}
