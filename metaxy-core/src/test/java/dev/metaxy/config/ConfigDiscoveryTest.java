package dev.metaxy.config;

import static dev.metaxy.config.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigDiscoveryTest {
    @TempDir
    Path root;

    private MetaxyConfig discover(Path start, Map<String, String> env) {
        return MetaxyConfig.loader().startDirectory(start).environment(env).load();
    }

    @Test
    void walksUpToTheNearestMetaxyToml() {
        Path file = write(root.resolve("proj/metaxy.toml"), "project = \"found\"\n");
        MetaxyConfig config = discover(root.resolve("proj/a/b/c"), Map.of());
        assertThat(config.project()).contains("found");
        assertThat(config.configFile()).contains(file.toAbsolutePath());
        assertThat(config.baseDirectory()).isEqualTo(root.resolve("proj").toAbsolutePath());
    }

    @Test
    void metaxyTomlWinsOverPyprojectInTheSameDirectory() {
        write(root.resolve("metaxy.toml"), "");
        write(root.resolve("pyproject.toml"), "[tool.metaxy]\nproject = \"py\"\n");
        MetaxyConfig config = discover(root, Map.of());
        assertThat(config.project()).isEmpty();
        assertThat(config.configFile()).contains(root.resolve("metaxy.toml").toAbsolutePath());
    }

    @Test
    void pyprojectCountsOnlyWithANonEmptyToolMetaxyTable() {
        write(root.resolve("pyproject.toml"), "[tool.metaxy]\nproject = \"outer\"\n");
        write(root.resolve("sub/pyproject.toml"), "[project]\nname = \"x\"\n[tool.metaxy]\n");
        MetaxyConfig config = discover(root.resolve("sub"), Map.of());
        assertThat(config.project()).contains("outer");
        assertThat(config.configFile()).contains(root.resolve("pyproject.toml").toAbsolutePath());
    }

    @Test
    void metaxyConfigVariableBeatsAnExplicitFile() {
        write(root.resolve("a.toml"), "project = \"a\"\n");
        write(root.resolve("b.toml"), "project = \"b\"\n");
        MetaxyConfig config = MetaxyConfig.loader().startDirectory(root).configFile(root.resolve("a.toml"))
            .environment(Map.of("METAXY_CONFIG", "b.toml")).load();
        assertThat(config.project()).contains("b");
    }

    @Test
    void explicitFileIsUsedWhenMetaxyConfigIsEmpty() {
        write(root.resolve("a.toml"), "project = \"a\"\n");
        MetaxyConfig config = MetaxyConfig.loader().configFile(root.resolve("a.toml")).environment(Map.of("METAXY_CONFIG", "")).load();
        assertThat(config.project()).contains("a");
    }

    @Test
    void noSearchWithoutSearchParents() {
        write(root.resolve("metaxy.toml"), "project = \"x\"\n");
        MetaxyConfig config = MetaxyConfig.loader().startDirectory(root).searchParents(false).environment(Map.of()).load();
        assertThat(config.configFile()).isEmpty();
        assertThat(config.project()).isEmpty();
    }

    @Test
    void withoutAFileDefaultsAndEnvironmentApply() {
        MetaxyConfig config = discover(root, Map.of("METAXY_PROJECT", "envproj"));
        assertThat(config.configFile()).isEmpty();
        assertThat(config.project()).contains("envproj");
        assertThat(config.store()).isEqualTo("dev");
        assertThat(config.hashTruncationLength()).isEqualTo(8);
        assertThat(config.sync()).isTrue();
        assertThat(config.lockFile()).isEmpty();
    }

    @Test
    void missingExplicitFileIsAnError() {
        assertThatThrownBy(() -> MetaxyConfig.loader().configFile(root.resolve("nope.toml")).environment(Map.of()).load())
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("Config file does not exist: " + root.resolve("nope.toml").toAbsolutePath());
    }
}
