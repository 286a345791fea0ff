package dev.metaxy.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.MetadataStoreException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresStoreConfigTest {
    static final FeatureGraph GRAPH = FeatureGraph.of(List.of(FeatureSpec.builder("items").idColumns("sample_uid").build()));

    @Test
    void typeNamesIncludeTheReferenceClassPath() {
        assertThat(PostgresStoreConfig.handles("postgres")).isTrue();
        assertThat(PostgresStoreConfig.handles("metaxy.ext.postgresql.PostgreSQLMetadataStore")).isTrue();
        assertThat(PostgresStoreConfig.handles("duckdb")).isFalse();
    }

    @Test
    void connectionStringOrParamsAreRequired() {
        assertThatThrownBy(() -> PostgresStoreConfig.parse(GRAPH, Map.of("schema", "x")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connection_string or connection_params");
        assertThatThrownBy(() -> PostgresStoreConfig.parse(GRAPH, Map.of("connection_string", "postgresql://h/db", "bogus", 1)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bogus");
    }

    @Test
    void uriUserAndSettingsAreTakenOver() {
        PostgresStoreConfig.Parsed p = PostgresStoreConfig.parse(GRAPH, Map.of("connection_string", "postgresql://me:s3cret@db.internal:6543/meta",
            "table_prefix", "prod_", "hash_algorithm", "md5", "schema", "metaxy", "fallback_stores", List.of("prod")));
        PostgresMetadataStore s = p.builder().build();
        assertThat(s.sanitizedUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/meta");
        assertThat(s.display()).doesNotContain("s3cret").contains("schema=metaxy");
        assertThat(s.hashAlgorithm()).isEqualTo(HashAlgorithm.MD5);
        assertThat(s.tableName(dev.metaxy.definition.FeatureKey.of("items"))).isEqualTo("prod_items");
        assertThat(p.fallbackStoreNames()).containsExactly("prod");
    }

    @Test
    void hostPortDatabaseWithPasswordFromTheEnvironmentConnects() {
        PostgresServer server = PostgresServer.get();
        org.junit.jupiter.api.Assumptions.assumeTrue(server.host() != null, "throwaway server only");
        String url = server.freshDatabase("config");
        String db = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("host", server.host());
        params.put("port", (long) server.port());
        params.put("database", db);
        params.put("user", "postgres");
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("connection_params", params);
        config.put("auto_create_tables", true);
        // trust authentication ignores the password; the variable PATH surely exists
        config.put("password_env", "PATH");
        try (MetadataStore s = PostgresStoreConfig.parse(GRAPH, config).builder().build().open(AccessMode.WRITE)) {
            assertThat(s.hasFeature("items")).isFalse();
        }
        config.put("password_env", "METAXY_SURELY_UNSET_VARIABLE_42");
        PostgresMetadataStore missing = PostgresStoreConfig.parse(GRAPH, config).builder().build();
        assertThatThrownBy(() -> missing.open(AccessMode.READ)).isInstanceOf(MetadataStoreException.class)
            .hasMessageContaining("METAXY_SURELY_UNSET_VARIABLE_42");
    }
}
