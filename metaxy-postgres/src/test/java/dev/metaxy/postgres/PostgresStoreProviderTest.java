package dev.metaxy.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metaxy.config.ConfigException;
import dev.metaxy.config.MetaxyConfig;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.frame.Frame;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.MetadataStoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PostgreSQL stores from {@code metaxy.toml} through the store SPI. */
class PostgresStoreProviderTest {
    static final FeatureSpec ITEMS = FeatureSpec.builder("items").idColumns("sample_uid").field("default", "1").build();

    @TempDir
    Path root;

    private MetaxyConfig load(String toml, Map<String, String> env) throws IOException {
        Path file = Files.writeString(root.resolve("metaxy.toml"), toml);
        return MetaxyConfig.loader().configFile(file).environment(env).load();
    }

    private static FeatureGraph graph() {
        return FeatureGraph.of(List.of(ITEMS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "postgresql", "PostgresMetadataStore", "dev.metaxy.postgres.PostgresMetadataStore",
        "metaxy.ext.postgresql.PostgreSQLMetadataStore", "metaxy.ext.metadata_stores.postgresql.PostgreSQLMetadataStore"})
    void typeAcceptsShortJavaAndPythonNames(String type) throws IOException {
        MetaxyConfig config = load("[stores.dev]\ntype = \"" + type + "\"\n[stores.dev.config]\n"
            + "connection_string = \"postgresql://me:s3cret@db.internal:6543/meta\"\n", Map.of());
        MetadataStore store = config.getStore("dev", graph());
        assertThat(store).isInstanceOf(PostgresMetadataStore.class);
        assertThat(store.hashAlgorithm()).isEqualTo(HashAlgorithm.XXHASH32);
        PostgresMetadataStore pg = (PostgresMetadataStore) store;
        assertThat(pg.sanitizedUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/meta");
        assertThat(pg.display()).doesNotContain("s3cret");
    }

    @Test
    void connectionIsRequiredAndUnknownOptionsAreErrors() throws IOException {
        MetaxyConfig noConnection = load("[stores.dev]\ntype = \"postgres\"\n[stores.dev.config]\nschema = \"x\"\n", Map.of());
        assertThatThrownBy(() -> noConnection.getStore("dev", graph())).isInstanceOf(ConfigException.class)
            .hasMessageContaining("connection_string");
        MetaxyConfig unknown = load("[stores.dev]\ntype = \"postgres\"\n[stores.dev.config]\nurl = \"postgresql://h/db\"\nbogus = 1\n", Map.of());
        assertThatThrownBy(() -> unknown.getStore("dev", graph())).isInstanceOf(ConfigException.class).hasMessageContaining("bogus");
        MetaxyConfig wyhash = load("[stores.dev]\ntype = \"postgres\"\n[stores.dev.config]\nurl = \"postgresql://h/db\"\n"
            + "hash_algorithm = \"wyhash\"\n", Map.of());
        PostgresMetadataStore refused = (PostgresMetadataStore) wyhash.getStore("dev", graph());
        assertThatThrownBy(() -> refused.open(AccessMode.READ)).hasMessageContaining("'wyhash'").hasMessageContaining("xxhash64");
    }

    @Test
    void hostPortDatabasePasswordEnvSchemaAndPrefixWork() throws IOException {
        PostgresServer server = PostgresServer.get();
        Assumptions.assumeTrue(server.host() != null, "throwaway server only");
        String url = server.freshDatabase("provider");
        String db = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
        // trust authentication ignores the password; the variable PATH surely exists
        MetaxyConfig config = load("""
            auto_create_tables = true
            [stores.dev]
            type = "metaxy.ext.postgresql.PostgreSQLMetadataStore"
            [stores.dev.config]
            host = "%s"
            port = %d
            database = "%s"
            user = "postgres"
            password_env = "PATH"
            schema = "metaxy"
            table_prefix = "prod_"
            hash_algorithm = "md5"
            materialization_id = "run-7"
            """.formatted(server.host(), server.port(), db), Map.of());
        PostgresMetadataStore store = (PostgresMetadataStore) config.getStore("dev", graph());
        assertThat(store.hashAlgorithm()).isEqualTo(HashAlgorithm.MD5);
        assertThat(store.tableName(FeatureKey.of("items"))).isEqualTo("prod_items");
        try (MetadataStore s = store.open(AccessMode.WRITE)) {
            s.write("items", List.of(Map.of("sample_uid", 1L, "metaxy_provenance_by_field", Map.of("default", "d1"))));
            try (Frame f = s.read("items").collect()) {
                assertThat(f.toRows().get(0)).containsEntry("metaxy_materialization_id", "run-7");
            }
            try (var st = store.connection().createStatement();
                 var rs = st.executeQuery("SELECT data_type FROM information_schema.columns WHERE table_schema = 'metaxy' "
                     + "AND table_name = 'prod_items' AND column_name = 'metaxy_provenance_by_field'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("jsonb");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        MetaxyConfig missingEnv = load(("[stores.dev]\ntype = \"postgres\"\n[stores.dev.config]\nurl = \"" + url + "\"\n"
            + "password_env = \"METAXY_SURELY_UNSET_VARIABLE_42\"\n"), Map.of());
        MetadataStore missing = missingEnv.getStore("dev", graph());
        assertThatThrownBy(() -> missing.open(AccessMode.READ)).isInstanceOf(MetadataStoreException.class)
            .hasMessageContaining("METAXY_SURELY_UNSET_VARIABLE_42");
    }
}
