package dev.metaxy.config;

import static dev.metaxy.config.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigValidationTest {
    @TempDir
    Path root;

    private MetaxyConfig load(String toml) {
        Path file = write(root.resolve("metaxy.toml"), toml);
        return MetaxyConfig.loader().configFile(file).environment(Map.of()).load();
    }

    private String file() {
        return root.resolve("metaxy.toml").toAbsolutePath().toString();
    }

    @Test
    void readsEveryTopLevelKey() {
        MetaxyConfig c = load("""
            project = "my-proj_1"
            store = "prod"
            entrypoints = ["a.B", "defs.json"]
            theme = "default"
            hash_truncation_length = 16
            enable_map_datatype = true
            auto_create_tables = true
            locked = false
            sync = false
            metaxy_lock_path = "locks/metaxy.lock"
            [stores.prod]
            type = "duckdb"
            config = { database = ":memory:", fallback_stores = ["dev"] }
            [stores.dev]
            type = "duckdb"
            database = "dev.db"
            [ext.dagster]
            enable = true
            [ext.other]
            enable = false
            [[extra_features]]
            projects = ["upstream"]
            [[extra_features]]
            keys = ["a/b"]
            """);
        assertThat(c.project()).contains("my-proj_1");
        assertThat(c.store()).isEqualTo("prod");
        assertThat(c.entrypoints()).containsExactly("a.B", "defs.json");
        assertThat(c.hashTruncationLength()).isEqualTo(16);
        assertThat(c.truncation().length()).hasValue(16);
        assertThat(c.enableMapDatatype()).isTrue();
        assertThat(c.autoCreateTables()).isTrue();
        assertThat(c.locked()).contains(false);
        assertThat(c.sync()).isFalse();
        assertThat(c.lockFile()).contains(root.resolve("locks/metaxy.lock").toAbsolutePath());
        assertThat(c.stores().get("prod").fallbackStores()).containsExactly("dev");
        assertThat(c.stores().get("prod").options()).containsOnlyKeys("database");
        assertThat(c.stores().get("dev").options()).containsEntry("database", "dev.db");
        assertThat(c.plugins()).containsExactly("dagster");
        assertThat(c.extraFeatures()).containsExactly(new FeatureSelectionConfig(List.of("upstream"), List.of(), false),
            new FeatureSelectionConfig(List.of(), List.of("a/b"), false));
    }

    @Test
    void absoluteLockPathIsKept() {
        Path abs = root.resolve("elsewhere/x.lock").toAbsolutePath();
        assertThat(load("metaxy_lock_path = \"" + abs.toString().replace("\\", "\\\\") + "\"\n").lockFile()).contains(abs);
    }

    @Test
    void malformedTomlNamesFileAndPosition() {
        assertThatThrownBy(() -> load("project = \"a\"\nstores = [\n")).isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("Invalid TOML in " + file() + ": ")
            .hasMessageContaining("line 3")
            .hasMessageContaining("Config file: " + file());
    }

    @Test
    void duplicateKeysAreMalformed() {
        assertThatThrownBy(() -> load("project = \"a\"\nproject = \"b\"\n")).isInstanceOf(ConfigException.class)
            .hasMessageContaining("Invalid TOML");
    }

    @Test
    void unknownTopLevelKeyIsRejected() {
        assertThatThrownBy(() -> load("projekt = \"x\"\n")).isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("Unknown configuration key 'projekt': Extra inputs are not permitted. Known keys: project, store, stores")
            .hasMessageContaining("Config file: " + file())
            .hasMessageEndingWith("\nNote: METAXY_* environment variables can override config file settings ");
    }

    @Test
    void truncationBelowEightIsRejected() {
        assertThatThrownBy(() -> load("hash_truncation_length = 4\n")).isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("Invalid value for 'hash_truncation_length': Input should be greater than or equal to 8, got 4");
    }

    @Test
    void wrongTypesNameTheKey() {
        assertThatThrownBy(() -> load("hash_truncation_length = \"long\"\n")).isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("Invalid value for 'hash_truncation_length': must be an integer, got the string 'long'");
        assertThatThrownBy(() -> load("entrypoints = \"a.B\"\n".replace("\"a.B\"", "1"))).isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("Invalid value for 'entrypoints': must be an array of strings, got the integer 1");
        assertThatThrownBy(() -> load("[stores.dev]\ntype = 3\n")).isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("Invalid value for 'stores.dev.type': must be a string, got the integer 3");
        assertThatThrownBy(() -> load("[stores.dev]\ntype = \"duckdb\"\nconfig = { fallback_stores = [1] }\n"))
            .isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("Invalid value for 'stores.dev.config.fallback_stores[0]': must be a string");
        assertThatThrownBy(() -> load("[ext.x]\nenable = \"perhaps\"\n")).isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("Invalid value for 'ext.x.enable': must be a boolean");
        assertThatThrownBy(() -> load("[[extra_features]]\nproject = [\"x\"]\n")).isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("Unknown key 'extra_features[0].project'");
    }

    @Test
    void projectNamesAreValidatedLikePython() {
        assertThatThrownBy(() -> load("project = \"a/b\"\n")).hasMessageStartingWith(
            "Invalid value for 'project': project name 'a/b' cannot contain forward slashes (/). Forward slashes are reserved for FeatureKey separation");
        assertThatThrownBy(() -> load("project = \"a__b\"\n")).hasMessageContaining("cannot contain double underscores (__)");
        assertThatThrownBy(() -> load("project = \"a b\"\n")).hasMessageContaining("must contain only alphanumeric characters, underscores, and hyphens");
        assertThatThrownBy(() -> load("project = \"\"\n")).hasMessageContaining("project name cannot be empty");
    }

    @Test
    void optionGivenDirectlyAndUnderConfigIsRejected() {
        assertThatThrownBy(() -> load("[stores.dev]\ntype = \"duckdb\"\ndatabase = \"a\"\n[stores.dev.config]\ndatabase = \"b\"\n"))
            .isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("Store option 'database' is set both in [stores.dev] and in [stores.dev.config]");
    }

    @Test
    void pyprojectReadsToolMetaxy() {
        Path file = write(root.resolve("pyproject.toml"), "[project]\nname = \"x\"\n[tool.metaxy]\nproject = \"py\"\n");
        assertThat(MetaxyConfig.loader().configFile(file).environment(Map.of()).load().project()).contains("py");
    }

    @Test
    void storesWithoutConfigFileCannotBeCreatedWhenNoneAreConfigured() {
        MetaxyConfig c = MetaxyConfig.fromToml("", root, Map.of());
        assertThatThrownBy(() -> c.getStore(null, new dev.metaxy.graph.FeatureGraph())).isInstanceOf(ConfigException.class)
            .hasMessage("No Metaxy stores available. They should be configured in metaxy.toml|pyproject.toml or via environment variables.");
    }
}
