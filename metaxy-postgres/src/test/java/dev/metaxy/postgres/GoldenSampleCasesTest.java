package dev.metaxy.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.metaxy.definition.DefinitionJson;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.SystemColumns;
import dev.metaxy.expr.Expression;
import dev.metaxy.expr.Expressions;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.hash.Truncation;
import dev.metaxy.sql.HashAlgorithmNotSupportedException;
import dev.metaxy.sql.SqlRelation;
import dev.metaxy.sql.SqlVersioningEngine;
import dev.metaxy.versioning.FeaturePlan;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every sample case of the golden vectors (Python Metaxy's expected rows), run as SQL in PostgreSQL with JSONB
 * by-field columns. Cases whose algorithm the store refuses (wyhash) must be refused with the supported list.
 */
class GoldenSampleCasesTest {
    private static final ObjectMapper MAPPER = DefinitionJson.mapper();
    private static Connection conn;

    @BeforeAll
    static void connect() throws Exception {
        conn = DriverManager.getConnection(PostgresServer.get().freshDatabase("golden"));
        PostgresHashFunctions.install(conn);
    }

    @AfterAll
    static void disconnect() throws Exception {
        conn.close();
    }

    @TestFactory
    Stream<DynamicTest> jsonbMode() throws IOException {
        return cases(PostgresDialect.INSTANCE);
    }

    private static Stream<DynamicTest> cases(PostgresDialect dialect) throws IOException {
        JsonNode vectors = MAPPER.readTree(Files.readString(SharedDir.goldenVectors()));
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : vectors.get("cases")) {
            if (c.get("kind").asText().equals("sample")) {
                tests.add(DynamicTest.dynamicTest(c.get("id").asText(), () -> check(dialect, c)));
            }
        }
        assertThat(tests).hasSize(43);
        return tests.stream();
    }

    private static void check(PostgresDialect dialect, JsonNode c) throws Exception {
        JsonNode l = c.get("hash_truncation_length");
        Truncation truncation = l == null || l.isNull() ? Truncation.NONE : Truncation.of(l.asInt());
        FeatureGraph graph = new FeatureGraph(truncation);
        for (JsonNode specJson : c.get("features")) {
            graph.register(DefinitionJson.readSpec(specJson));
        }
        FeaturePlan plan = FeaturePlan.of(graph, c.get("target_feature").asText());
        HashAlgorithm algorithm = HashAlgorithm.fromName(c.get("hash_algorithm").asText());
        if (!dialect.supportedHashAlgorithms().contains(algorithm)) {
            assertThatThrownBy(() -> new SqlVersioningEngine(dialect, algorithm, truncation))
                .isInstanceOf(HashAlgorithmNotSupportedException.class)
                .hasMessageContaining("md5").hasMessageContaining("sha256").hasMessageContaining("xxhash32").hasMessageContaining("xxhash64");
            return;
        }
        {
            PgTables tables = new PgTables(conn);
            Map<FeatureKey, SqlRelation> upstream = new HashMap<>();
            int n = 0;
            for (Map.Entry<String, JsonNode> e : c.get("upstream").properties()) {
                FeatureSpec spec = graph.spec(e.getKey());
                List<String> keys = new ArrayList<>();
                spec.fields().forEach(f -> keys.add(f.key().toStructKey()));
                upstream.put(spec.key(), tables.create("upstream_" + n++, null, rows(e.getValue()),
                    Map.of(SystemColumns.PROVENANCE_BY_FIELD, keys, SystemColumns.DATA_VERSION_BY_FIELD, keys), null));
            }
            SqlVersioningEngine engine = new SqlVersioningEngine(dialect, HashAlgorithm.fromName(c.get("hash_algorithm").asText()),
                truncation);
            SqlRelation expected = engine.expectedQuery(plan, upstream, runtimeFilters(c));
            List<Map<String, Object>> got = PgQueryRows.run(conn, expected.sql());
            List<Map<String, Object>> want = rows(c.get("expected_rows"));
            List<String> compared = want.isEmpty() ? List.of() : new ArrayList<>(want.get(0).keySet());
            assertThat(PgQueryRows.canonical(got, compared)).as(expected.sql()).isEqualTo(PgQueryRows.canonical(want, compared));
            assertThat(got).hasSize(want.size());
        }
    }

    private static Map<FeatureKey, List<Expression>> runtimeFilters(JsonNode c) {
        Map<FeatureKey, List<Expression>> filters = new HashMap<>();
        JsonNode rf = c.get("runtime_filters");
        if (rf != null && !rf.isNull()) {
            rf.properties().forEach(e -> {
                List<Expression> list = new ArrayList<>();
                for (JsonNode f : e.getValue()) {
                    list.add(Expressions.parse(f.get("column").asText() + " " + f.get("op").asText() + " "
                        + f.get("value").toString().replace('"', '\'')));
                }
                filters.put(FeatureKey.of(e.getKey()), list);
            });
        }
        return filters;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rows(JsonNode array) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (JsonNode r : array) {
            out.add(MAPPER.convertValue(r, LinkedHashMap.class));
        }
        return out;
    }
}
