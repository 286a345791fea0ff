package dev.metaxy.duckdb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metaxy.config.ConfigException;
import dev.metaxy.config.MetaxyConfig;
import dev.metaxy.definition.DefinitionJson;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.duckdb.DuckDbMetadataStore;
import dev.metaxy.frame.Frame;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.ReadOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DuckDbConfigTest {
    static final FeatureSpec VIDEO = FeatureSpec.builder("video").idColumns("sample_uid").field("frames", "1").build();

    @TempDir
    Path root;

    private MetaxyConfig load(String toml, Map<String, String> env) throws IOException {
        Path file = Files.writeString(root.resolve("metaxy.toml"), toml);
        return MetaxyConfig.loader().configFile(file).environment(env).load();
    }

    private MetaxyConfig load(String toml) throws IOException {
        return load(toml, Map.of());
    }

    private static FeatureGraph graph() {
        return FeatureGraph.of(List.of(VIDEO));
    }

    private static Map<String, Object> row(long id) {
        return Map.of("sample_uid", id, "metaxy_provenance_by_field", Map.of("frames", "f" + id));
    }

    @Test
    void fullRoundTripFromMetaxyToml() throws IOException {
        Files.createDirectories(root.resolve("defs"));
        DefinitionJson.writeFile(root.resolve("defs/features.json"), List.of(VIDEO));
        MetaxyConfig config = load("""
            project = "demo"
            entrypoints = ["defs/features.json"]
            auto_create_tables = true
            hash_truncation_length = 10

            [stores.dev]
            type = "metaxy.ext.duckdb.DuckDBMetadataStore"

            [stores.dev.config]
            database = "${DATA_DIR}/metadata.duckdb"
            hash_algorithm = "xxhash64"
            table_prefix = "t_"
            materialization_id = "run-1"
            """, Map.of("DATA_DIR", root.resolve("data").toString()));
        MetadataStore store = config.getStore(null);
        assertThat(store).isInstanceOf(DuckDbMetadataStore.class);
        DuckDbMetadataStore duck = (DuckDbMetadataStore) store;
        assertThat(duck.database()).isEqualTo(root.resolve("data/metadata.duckdb").toString());
        assertThat(duck.hashAlgorithm()).isEqualTo(HashAlgorithm.XXHASH64);
        assertThat(duck.tableName(FeatureKey.of("video"))).startsWith("t_");
        assertThat(store.graph()).isSameAs(config.graph());
        try (MetadataStore s = store.open(AccessMode.WRITE)) {
            s.write("video", List.of(row(1)));
        }
        try (MetadataStore s = config.getStore("dev").open(AccessMode.READ); Frame f = s.read("video").collect()) {
            List<Map<String, Object>> rows = f.toRows();
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0)).containsEntry("sample_uid", 1L).containsEntry("metaxy_materialization_id", "run-1");
            assertThat((String) rows.get(0).get("metaxy_feature_version")).hasSize(10);
        }
        assertThat(Files.exists(root.resolve("data/metadata.duckdb"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "DuckDbMetadataStore", "dev.metaxy.duckdb.DuckDbMetadataStore", "DuckDBMetadataStore",
        "metaxy.ext.duckdb.DuckDBMetadataStore", "metaxy.ext.duckdb.metadata_store.DuckDBMetadataStore",
        "metaxy.ext.metadata_stores.duckdb.DuckDBMetadataStore", "metaxy.metadata_store.duckdb.DuckDBMetadataStore"})
    void typeAcceptsShortJavaAndPythonNames(String type) throws IOException {
        MetaxyConfig config = load("[stores.dev]\ntype = \"" + type + "\"\nconfig = { database = \":memory:\" }\n");
        MetadataStore store = config.getStore("dev", graph());
        assertThat(store).isInstanceOf(DuckDbMetadataStore.class);
        assertThat(store.hashAlgorithm()).isEqualTo(HashAlgorithm.XXHASH32);
    }

    @Test
    void optionsMayBeGivenDirectlyAndGlobalDefaultsApply() throws IOException, SQLException {
        MetaxyConfig config = load("auto_create_tables = true\nenable_map_datatype = true\n"
            + "[stores.dev]\ntype = \"duckdb\"\ndatabase = \":memory:\"\nhash_algorithm = \"md5\"\n");
        DuckDbMetadataStore store = (DuckDbMetadataStore) config.getStore("dev", graph());
        assertThat(store.hashAlgorithm()).isEqualTo(HashAlgorithm.MD5);
        try (MetadataStore s = store.open(AccessMode.WRITE); Statement st = store.connection().createStatement()) {
            s.write("video", List.of(row(1)));
            try (ResultSet rs = st.executeQuery("SELECT data_type FROM information_schema.columns WHERE table_name = '"
                + store.tableName(FeatureKey.of("video")) + "' AND column_name = 'metaxy_provenance_by_field'")) {
                rs.next();
                assertThat(rs.getString(1)).startsWith("MAP");
            }
        }
    }

    @Test
    void environmentOverridesTheDatabaseAndCoercesBooleans() throws IOException {
        Path db = root.resolve("env.duckdb");
        MetaxyConfig config = load("[stores.dev]\ntype = \"duckdb\"\n[stores.dev.config]\ndatabase = \"file.duckdb\"\n",
            Map.of("METAXY_STORES__DEV__CONFIG__DATABASE", db.toString(), "METAXY_STORES__DEV__CONFIG__AUTO_CREATE_TABLES", "true"));
        DuckDbMetadataStore store = (DuckDbMetadataStore) config.getStore("dev", graph());
        assertThat(store.database()).isEqualTo(db.toString());
        try (MetadataStore s = store.open(AccessMode.WRITE)) {
            s.write("video", List.of(row(1)));
        }
        assertThat(Files.exists(db)).isTrue();
    }

    @Test
    void duckdbSettingsReachTheConnection() throws IOException, SQLException {
        MetaxyConfig config = load("[stores.dev]\ntype = \"duckdb\"\n[stores.dev.config]\ndatabase = \":memory:\"\n"
            + "extensions = [\"json\", { name = \"hashfuncs\", repository = \"community\" }]\n[stores.dev.config.config]\nthreads = 1\n");
        DuckDbMetadataStore store = (DuckDbMetadataStore) config.getStore("dev", graph());
        store.open(AccessMode.READ);
        try (Statement st = store.connection().createStatement(); ResultSet rs = st.executeQuery("SELECT current_setting('threads')")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1L);
        } finally {
            store.close();
        }
    }

    @Test
    void fallbackStoresAreReadThroughTheConfig() throws IOException {
        MetaxyConfig config = load("""
            auto_create_tables = true
            [stores.dev]
            type = "duckdb"
            config = { database = "%s", fallback_stores = ["prod"] }
            [stores.prod]
            type = "metaxy.ext.duckdb.DuckDBMetadataStore"
            config = { database = "%s" }
            """.formatted(root.resolve("dev.duckdb"), root.resolve("prod.duckdb")));
        FeatureGraph graph = graph();
        try (MetadataStore prod = config.getStore("prod", graph).open(AccessMode.WRITE)) {
            prod.write("video", List.of(row(1), row(2)));
        }
        try (MetadataStore dev = config.getStore("dev", graph).open(AccessMode.READ); Frame f = dev.read("video").collect()) {
            assertThat(f.rowCount()).isEqualTo(2);
            assertThat(dev.name()).contains("dev");
            assertThat(dev.readWithStoreInfo("video", ReadOptions.defaults()).store().name()).as("the configured fallback").contains("prod");
            var metadata = dev.storeMetadata("video").toMap();
            assertThat(metadata).containsEntry("name", "dev");
            assertThat(metadata.get("resolved_from").toString()).contains("name=prod", "type=dev.metaxy.duckdb.DuckDbMetadataStore",
                "table_name=video");
        }
    }

    @Test
    void unusedFallbackWithInvalidOptionsNeverFails() throws IOException {
        MetaxyConfig config = load("""
            [stores.dev]
            type = "duckdb"
            config = { database = ":memory:", fallback_stores = ["broken"] }
            [stores.broken]
            type = "duckdb"
            config = { table_prefix = 5 }
            """);
        MetadataStore dev = config.getStore("dev", graph());
        try (MetadataStore s = dev.open(AccessMode.READ)) {
            assertThat(s.hasFeature("video")).isFalse();
        }
    }

    @Test
    void unknownTypeListsTheKnownOnes() throws IOException {
        MetaxyConfig config = load("[stores.dev]\ntype = \"metaxy.ext.lancedb.LanceDBMetadataStore\"\n");
        assertThat(config.stores()).containsKey("dev");
        assertThatThrownBy(() -> config.getStore("dev", graph())).isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("Unknown store type 'metaxy.ext.lancedb.LanceDBMetadataStore' for store 'dev'. Known types: ")
            .hasMessageContaining("duckdb").hasMessageContaining("metaxy.ext.duckdb.DuckDBMetadataStore")
            .hasMessageContaining("Config file: " + root.resolve("metaxy.toml"));
    }

    @Test
    void unknownOptionListsTheKnownOnes() throws IOException {
        MetaxyConfig config = load("[stores.dev]\ntype = \"duckdb\"\nconfig = { database = \":memory:\", root_path = \"/x\" }\n");
        assertThatThrownBy(() -> config.getStore("dev", graph())).isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("Unknown option 'root_path' for store 'dev' (type duckdb). Known options: auto_create_tables, config, "
                + "database, ducklake, enable_map_datatype, extensions, fallback_stores, hash_algorithm, materialization_id, table_prefix, "
                + "versioning_engine");
    }

    @Test
    void invalidOptionValuesNameTheKey() throws IOException {
        assertThatThrownBy(() -> load("[stores.dev]\ntype = \"duckdb\"\nconfig = { database = \":memory:\", hash_algorithm = \"crc32\" }\n")
            .getStore("dev", graph())).isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("Option 'stores.dev.config.hash_algorithm' is invalid: Unknown hash algorithm 'crc32'; valid names are: xxhash64");
        assertThatThrownBy(() -> load("[stores.dev]\ntype = \"duckdb\"\n").getStore("dev", graph())).isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("Option 'stores.dev.config.database' is required");
        assertThatThrownBy(() -> load("[stores.dev]\ntype = \"duckdb\"\nconfig = { database = \":memory:\", auto_create_tables = \"sometimes\" }\n")
            .getStore("dev", graph())).isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("Invalid value for 'stores.dev.config.auto_create_tables': must be a boolean, got the string 'sometimes'");
        assertThatThrownBy(() -> load("[stores.dev]\ntype = \"duckdb\"\nconfig = { database = \":memory:\", versioning_engine = \"spark\" }\n")
            .getStore("dev", graph())).isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("Option 'stores.dev.config.versioning_engine' must be one of auto, native, polars; got 'spark'");
    }

    @Test
    void unavailableExtensionsAndDucklakeAreRejected() throws IOException {
        assertThatThrownBy(() -> load("[stores.dev]\ntype = \"duckdb\"\nconfig = { database = \":memory:\", extensions = [\"spatial\"] }\n")
            .getStore("dev", graph())).isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("Option 'stores.dev.config.extensions' names 'spatial', which the JVM DuckDB store cannot load");
        assertThatThrownBy(() -> load("[stores.dev]\ntype = \"duckdb\"\n[stores.dev.config]\ndatabase = \":memory:\"\n[stores.dev.config.ducklake]\nalias = \"lake\"\n")
            .getStore("dev", graph())).isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("Option 'stores.dev.config.ducklake' is not supported by the JVM DuckDB store");
    }

    @Test
    void unknownStoreNameListsAvailableStoresLikePython() throws IOException {
        MetaxyConfig config = load("[stores.dev]\ntype = \"duckdb\"\n[stores.prod]\ntype = \"duckdb\"\n");
        assertThatThrownBy(() -> config.getStore("staging", graph())).isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("Store 'staging' not found in config. Available stores: ['dev', 'prod']");
        MetaxyConfig otherDefault = load("store = \"main\"\n[stores.dev]\ntype = \"duckdb\"\n");
        assertThatThrownBy(() -> otherDefault.getStore(null, graph())).hasMessageStartingWith("Store 'main' not found in config.");
    }

    @Test
    void fallbackCycleIsRejected() throws IOException {
        MetaxyConfig config = load("""
            [stores.dev]
            type = "duckdb"
            config = { database = ":memory:", fallback_stores = ["staging"] }
            [stores.staging]
            type = "duckdb"
            config = { database = ":memory:", fallback_stores = ["prod"] }
            [stores.prod]
            type = "duckdb"
            config = { database = ":memory:", fallback_stores = ["dev"] }
            """);
        assertThatThrownBy(() -> config.getStore("dev", graph())).isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("Circular fallback store chain: dev -> staging -> prod -> dev");
    }

    @Test
    void unknownFallbackNameIsRejected() throws IOException {
        MetaxyConfig config = load("[stores.dev]\ntype = \"duckdb\"\nconfig = { database = \":memory:\", fallback_stores = [\"gone\"] }\n");
        assertThatThrownBy(() -> config.getStore("dev", graph())).isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("Fallback store 'gone' of store 'dev' not found in config. Available stores: ['dev']");
    }

    @Test
    void fallbackHashAlgorithmsMustAgree() throws IOException {
        MetaxyConfig config = load("""
            [stores.dev]
            type = "duckdb"
            config = { database = ":memory:", hash_algorithm = "xxhash64", fallback_stores = ["prod"] }
            [stores.prod]
            type = "duckdb"
            config = { database = ":memory:" }
            """);
        assertThatThrownBy(() -> config.getStore("dev", graph())).isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("Fallback store 'prod' uses hash_algorithm='xxhash32' but parent store uses 'xxhash64'. "
                + "All stores in a fallback chain must use the same hash algorithm.");
    }

    @Test
    void expectedTypeIsChecked() throws IOException {
        MetaxyConfig config = load("[stores.dev]\ntype = \"duckdb\"\nconfig = { database = \":memory:\" }\n");
        assertThat(config.getStore("dev", DuckDbMetadataStore.class)).isNotNull();
        assertThatThrownBy(() -> config.getStore("dev", FakeStore.class)).isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("Store 'dev' is not of type 'FakeStore'");
    }

    /** A store type the configured one is not. */
    abstract static class FakeStore implements MetadataStore {
    }
}
