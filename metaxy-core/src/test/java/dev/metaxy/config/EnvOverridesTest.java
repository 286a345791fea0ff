package dev.metaxy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvOverridesTest {
    private static final String DEV = """
        [stores.dev]
        type = "duckdb"
        [stores.dev.config]
        database = "file.db"
        table_prefix = "t_"
        """;

    private static MetaxyConfig config(String toml, Map<String, String> env) {
        return MetaxyConfig.fromToml(toml, Path.of("."), env);
    }

    @Test
    void nestedVariableOverridesOneStoreOptionAndKeepsTheRest() {
        MetaxyConfig c = config(DEV, Map.of("METAXY_STORES__DEV__CONFIG__DATABASE", "/data/x.db"));
        StoreConfig dev = c.stores().get("dev");
        assertThat(dev.type()).isEqualTo("duckdb");
        assertThat(dev.options()).containsEntry("database", "/data/x.db").containsEntry("table_prefix", "t_");
    }

    @Test
    void namesAreCaseInsensitiveAndNestedKeysLowerCased() {
        MetaxyConfig c = config(DEV, Map.of("metaxy_stores__Dev__Config__Table_Prefix", "p_", "Metaxy_Project", "proj"));
        assertThat(c.stores().get("dev").options()).containsEntry("table_prefix", "p_");
        assertThat(c.project()).contains("proj");
    }

    @Test
    void scalarFieldsAreCoercedFromStrings() {
        MetaxyConfig c = config("hash_truncation_length = 8\n", Map.of("METAXY_HASH_TRUNCATION_LENGTH", "16",
            "METAXY_ENABLE_MAP_DATATYPE", "yes", "METAXY_AUTO_CREATE_TABLES", "1", "METAXY_SYNC", "off",
            "METAXY_LOCKED", "true", "METAXY_METAXY_LOCK_PATH", "locks/m.lock", "METAXY_STORE", "prod"));
        assertThat(c.hashTruncationLength()).isEqualTo(16);
        assertThat(c.enableMapDatatype()).isTrue();
        assertThat(c.autoCreateTables()).isTrue();
        assertThat(c.sync()).isFalse();
        assertThat(c.locked()).contains(true);
        assertThat(c.metaxyLockPath()).contains("locks/m.lock");
        assertThat(c.store()).isEqualTo("prod");
    }

    @Test
    void wholeComplexValuesAreJson() {
        MetaxyConfig c = config("entrypoints = [\"from.file\"]\n", Map.of("METAXY_ENTRYPOINTS", "[\"a.B\", \"c.D\"]",
            "METAXY_EXTRA_FEATURES", "[{\"projects\": [\"x\"]}, {\"all\": true}]",
            "METAXY_STORES", "{\"prod\": {\"type\": \"duckdb\", \"config\": {\"database\": \":memory:\"}}}"));
        assertThat(c.entrypoints()).containsExactly("a.B", "c.D");
        assertThat(c.extraFeatures()).containsExactly(new FeatureSelectionConfig(List.of("x"), List.of(), false),
            new FeatureSelectionConfig(List.of(), List.of(), true));
        assertThat(c.stores()).containsOnlyKeys("prod");
    }

    @Test
    void pluginsCanBeEnabledFromTheEnvironment() {
        MetaxyConfig c = config("[ext.dagster]\nenable = false\nextra = 1\n", Map.of("METAXY_EXT__DAGSTER__ENABLE", "true"));
        assertThat(c.plugins()).containsExactly("dagster");
        assertThat(c.ext().get("dagster")).containsEntry("extra", 1L);
    }

    @Test
    void aStoreWithoutTypeIsDroppedAndTheEnvironmentMayCompleteOne() {
        assertThat(config("", Map.of("METAXY_STORES__PROD__CONFIG__DATABASE", "x")).stores()).isEmpty();
        MetaxyConfig c = config("[stores.prod.config]\ndatabase = \"p.db\"\n", Map.of("METAXY_STORES__PROD__TYPE", "duckdb"));
        assertThat(c.stores().get("prod").options()).containsEntry("database", "p.db");
    }

    @Test
    void unrelatedMetaxyVariablesAreIgnored() {
        MetaxyConfig c = config("", Map.of("METAXY_CONFIG", "", "METAXY_LOG_LEVEL", "DEBUG", "METAXY_ENTRYPOINT_X", "a",
            "METAXY_LIST_FEATURES_FORMAT", "json", "METAXY_", "x"));
        assertThat(c.store()).isEqualTo("dev");
    }

    @Test
    void explicitOverridesBeatTheEnvironment() {
        MetaxyConfig c = MetaxyConfig.loader().searchParents(false).environment(Map.of("METAXY_PROJECT", "env"))
            .overrides(Map.of("project", "explicit")).load();
        assertThat(c.project()).contains("explicit");
    }

    @Test
    void badEnvironmentValuesNameTheKey() {
        assertThatThrownBy(() -> config("", Map.of("METAXY_SYNC", "maybe"))).isInstanceOf(ConfigException.class)
            .hasMessage("Invalid value for 'sync': must be a boolean, got the string 'maybe'");
        assertThatThrownBy(() -> config("", Map.of("METAXY_ENTRYPOINTS", "[oops"))).isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("'METAXY_ENTRYPOINTS' is not valid JSON");
    }
}
