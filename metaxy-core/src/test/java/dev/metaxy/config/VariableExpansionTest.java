package dev.metaxy.config;

import static dev.metaxy.config.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariableExpansionTest {
    @TempDir
    Path root;

    private static Map<String, Object> devOptions(String toml, Map<String, String> env) {
        return MetaxyConfig.fromToml(toml, Path.of("."), env).stores().get("dev").options();
    }

    @Test
    void expandsVariablesAndDefaultsInNestedTablesAndArrays() {
        MetaxyConfig config = MetaxyConfig.fromToml("""
            entrypoints = ["${PKG}.Features", "${OTHER:-fallback}.X"]
            [stores.dev]
            type = "duckdb"
            [stores.dev.config]
            database = "s3://bucket/${BRANCH}/x/${BRANCH}.db"
            nested = { path = "${HOME}/data" }
            """, root, Map.of("PKG", "com.acme", "BRANCH", "main", "HOME", "/home/me"));
        assertThat(config.entrypoints()).containsExactly("com.acme.Features", "fallback.X");
        assertThat(config.stores().get("dev").options()).containsEntry("database", "s3://bucket/main/x/main.db")
            .containsEntry("nested", Map.of("path", "/home/me/data"));
    }

    @Test
    void aSetButEmptyVariableWinsOverTheDefault() {
        assertThat(devOptions("[stores.dev]\ntype = \"duckdb\"\nconfig = { database = \"${DB:-:memory:}\" }\n", Map.of("DB", "")))
            .containsEntry("database", "");
        assertThat(devOptions("[stores.dev]\ntype = \"duckdb\"\nconfig = { database = \"${DB:-:memory:}\" }\n", Map.of()))
            .containsEntry("database", ":memory:");
    }

    @Test
    void unsupportedFormsStayVerbatimAndKeysAreNotExpanded() {
        Map<String, Object> options = devOptions("""
            [stores.dev]
            type = "duckdb"
            [stores.dev.config]
            a = "$VAR"
            b = "${VAR:default}"
            c = "${VAR-default}"
            "${VAR}" = "k"
            """, Map.of("VAR", "v", "VAR-default", "odd"));
        assertThat(options).containsEntry("a", "$VAR").containsEntry("b", "${VAR:default}").containsEntry("c", "odd")
            .containsEntry("${VAR}", "k");
    }

    @Test
    void resultsAreNotExpandedAgain() {
        assertThat(MetaxyConfig.fromToml("theme = \"${A}\"\n", root, Map.of("A", "${B}", "B", "no")).theme()).isEqualTo("${B}");
    }

    @Test
    void undefinedVariableWithoutDefaultNamesVariableKeyAndFile() {
        Path file = write(root.resolve("metaxy.toml"), "[stores.dev]\ntype = \"duckdb\"\nconfig = { database = \"${DB_PATH}/m.db\" }\n");
        assertThatThrownBy(() -> MetaxyConfig.loader().configFile(file).environment(Map.of()).load())
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("Environment variable 'DB_PATH'")
            .hasMessageContaining("'stores.dev.config.database'")
            .hasMessageContaining(" in " + file.toAbsolutePath())
            .hasMessageContaining("Config file: " + file.toAbsolutePath());
    }

    @Test
    void undefinedVariableInAParentFileNamesTheParent() throws java.io.IOException {
        Path parent = write(root.resolve("base.toml"), "entrypoints = [\"${MISSING}\"]\n");
        Path child = write(root.resolve("metaxy.toml"), "extend = \"base.toml\"\n");
        assertThatThrownBy(() -> MetaxyConfig.loader().configFile(child).environment(Map.of()).load())
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("'MISSING'").hasMessageContaining("'entrypoints[0]'")
            .hasMessageContaining(parent.toRealPath().toString());
    }

    @Test
    void anOverriddenParentValueIsNeverExpanded() {
        write(root.resolve("base.toml"), "theme = \"${MISSING}\"\n");
        Path child = write(root.resolve("metaxy.toml"), "extend = \"base.toml\"\ntheme = \"mine\"\n");
        assertThat(MetaxyConfig.loader().configFile(child).environment(Map.of()).load().theme()).isEqualTo("mine");
    }

    @Test
    void environmentOverrideValuesAreNotExpanded() {
        MetaxyConfig config = MetaxyConfig.fromToml("", root, Map.of("METAXY_THEME", "${X}"));
        assertThat(config.theme()).isEqualTo("${X}");
    }
}
