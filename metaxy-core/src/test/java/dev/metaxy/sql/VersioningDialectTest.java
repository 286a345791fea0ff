package dev.metaxy.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.hash.Truncation;
import dev.metaxy.versioning.FeaturePlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The dialect defaults, the unsupported-algorithm error and the engine's argument checks, without a database. */
class VersioningDialectTest {
    /** A dialect that only knows md5, like a minimal ANSI backend. */
    private static final VersioningDialect MD5_ONLY = new VersioningDialect() {
        @Override
        public String name() {
            return "md5-only";
        }

        @Override
        public Set<HashAlgorithm> supportedHashAlgorithms() {
            return Set.of(HashAlgorithm.MD5);
        }

        @Override
        public String hash(HashAlgorithm algorithm, String sqlExpr) {
            requireSupported(algorithm);
            return "md5(" + sqlExpr + ")";
        }

        @Override
        public String byFieldValue(String columnExpr, String structKey) {
            return columnExpr + "." + quoteIdentifier(structKey);
        }

        @Override
        public String buildByField(LinkedHashMap<String, String> values) {
            return "ROW(" + String.join(", ", values.values()) + ")";
        }

        @Override
        public String stringAggOverWindow(String sqlExpr, String separator, List<String> partitionBy, List<String> orderBy) {
            return "string_agg(" + sqlExpr + ")";
        }
    };

    @Test
    void unsupportedAlgorithmNamesTheSupportedOnes() {
        assertThatThrownBy(() -> new SqlVersioningEngine(MD5_ONLY, HashAlgorithm.WYHASH, Truncation.DEFAULT))
            .isInstanceOf(HashAlgorithmNotSupportedException.class)
            .hasMessage("Hash algorithm 'wyhash' is not supported by the md5-only SQL dialect; supported: [md5]")
            .satisfies(e -> assertThat(((HashAlgorithmNotSupportedException) e).algorithm()).isEqualTo(HashAlgorithm.WYHASH));
    }

    @Test
    void defaults() {
        assertThat(MD5_ONLY.truncate("h", Truncation.of(12))).isEqualTo("substr(h, 1, 12)");
        assertThat(MD5_ONLY.truncate("h", Truncation.NONE)).isEqualTo("h");
        assertThat(MD5_ONLY.concatWithSeparator("|", List.of("a", "b"))).isEqualTo("(a || '|' || b)");
        assertThat(MD5_ONLY.coalesce(List.of("a", "''"))).isEqualTo("COALESCE(a, '')");
        assertThat(MD5_ONLY.isDistinctFrom("a", "b")).isEqualTo("(a IS DISTINCT FROM b)");
        assertThat(new SqlVersioningEngine(MD5_ONLY, HashAlgorithm.MD5, Truncation.DEFAULT).hashExpression("x"))
            .isEqualTo("substr(md5(x), 1, 8)");
    }

    @Test
    void rootFeaturesAndMissingUpstreamsAreRejected() {
        FeatureSpec root = FeatureSpec.builder("root").idColumns("id").field("default", "1").build();
        FeatureSpec child = FeatureSpec.builder("child").idColumns("id").dependsOn(root).field("default", "1").build();
        FeatureGraph graph = FeatureGraph.of(List.of(root, child));
        SqlVersioningEngine engine = new SqlVersioningEngine(MD5_ONLY, HashAlgorithm.MD5, Truncation.DEFAULT);
        assertThatThrownBy(() -> engine.expectedQuery(FeaturePlan.of(graph, "root"), Map.of(), null))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("root feature");
        assertThatThrownBy(() -> engine.expectedQuery(FeaturePlan.of(graph, "child"), Map.of(), null))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No upstream relation given for 'root'");
        SqlRelation partial = SqlRelation.table(MD5_ONLY, "t", List.of("id", "metaxy_provenance"));
        assertThatThrownBy(() -> engine.expectedQuery(FeaturePlan.of(graph, "child"), Map.of(root.key(), partial), null))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("metaxy_provenance_by_field");
    }

    @Test
    void filterValuesAreQuotedNeverSpliced() {
        FeatureSpec root = FeatureSpec.builder("root").idColumns("id").field("default", "1").build();
        FeatureSpec child = FeatureSpec.builder("child").idColumns("id")
            .dependsOn(dev.metaxy.definition.FeatureDep.on(root.key()).filter("name = 'x''; DROP TABLE t; --'"))
            .field("default", "1").build();
        FeatureGraph graph = FeatureGraph.of(List.of(root, child));
        SqlRelation up = SqlRelation.table(MD5_ONLY, "t", List.of("id", "name", "metaxy_provenance_by_field",
            "metaxy_provenance", "metaxy_data_version_by_field", "metaxy_data_version"));
        String sql = new SqlVersioningEngine(MD5_ONLY, HashAlgorithm.MD5, Truncation.DEFAULT)
            .expectedQuery(FeaturePlan.of(graph, "child"), Map.of(root.key(), up), null).sql();
        assertThat(sql).contains("(\"r\".\"name\" = 'x''; DROP TABLE t; --')");
    }
}
