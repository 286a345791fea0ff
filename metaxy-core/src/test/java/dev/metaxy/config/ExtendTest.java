package dev.metaxy.config;

import static dev.metaxy.config.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtendTest {
    @TempDir
    Path root;

    private MetaxyConfig load(Path file) {
        return MetaxyConfig.loader().configFile(file).environment(Map.of()).load();
    }

    @Test
    void childOverridesScalarsMergesTablesShallowlyAndConcatenatesArrays() {
        write(root.resolve("base/base.toml"), """
            project = "base"
            entrypoints = ["a.A"]
            hash_truncation_length = 12
            [stores.dev]
            type = "duckdb"
            config = { database = "base.db", table_prefix = "b_" }
            [stores.prod]
            type = "duckdb"
            config = { database = "prod.db" }
            """);
        Path child = write(root.resolve("app/metaxy.toml"), """
            extend = "../base/base.toml"
            project = "child"
            entrypoints = ["b.B"]
            [stores.dev]
            type = "duckdb"
            config = { database = "child.db" }
            """);
        MetaxyConfig config = load(child);
        assertThat(config.project()).contains("child");
        assertThat(config.entrypoints()).containsExactly("a.A", "b.B");
        assertThat(config.hashTruncationLength()).isEqualTo(12);
        assertThat(config.stores()).containsOnlyKeys("dev", "prod");
        assertThat(config.stores().get("dev").options()).containsExactly(Map.entry("database", "child.db"));
        assertThat(config.configFile()).contains(child.toAbsolutePath());
        assertThat(config.lockFile()).contains(root.resolve("app/metaxy.lock").toAbsolutePath());
    }

    @Test
    void chainsResolveRelativeToEachExtendingFileAndMayUsePyproject() {
        write(root.resolve("a/pyproject.toml"), "[tool.metaxy]\ntheme = \"grand\"\nentrypoints = [\"g\"]\n");
        write(root.resolve("a/b/parent.toml"), "extend = \"../pyproject.toml\"\nentrypoints = [\"p\"]\n");
        Path child = write(root.resolve("a/b/c/metaxy.toml"), "extend = \"../parent.toml\"\nentrypoints = [\"c\"]\n");
        MetaxyConfig config = load(child);
        assertThat(config.theme()).isEqualTo("grand");
        assertThat(config.entrypoints()).containsExactly("g", "p", "c");
    }

    @Test
    void cycleIsRejectedWithTheChain() {
        Path a = write(root.resolve("a.toml"), "extend = \"b.toml\"\n");
        Path b = write(root.resolve("b.toml"), "extend = \"a.toml\"\n");
        assertThatThrownBy(() -> load(a)).isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("Circular config inheritance detected: " + real(a) + " -> " + real(b) + " -> " + real(a))
            .hasMessageContaining("Config file: " + real(b));
    }

    @Test
    void selfExtendIsACycle() {
        Path a = write(root.resolve("metaxy.toml"), "extend = \"metaxy.toml\"\n");
        assertThatThrownBy(() -> load(a)).isInstanceOf(ConfigException.class).hasMessageContaining("Circular config inheritance detected");
    }

    @Test
    void missingParentNamesTheResolvedPathAndTheExtendingFile() {
        Path a = write(root.resolve("metaxy.toml"), "extend = \"missing/base.toml\"\n");
        assertThatThrownBy(() -> load(a)).isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("Config file referenced by 'extend' does not exist: " + root.toAbsolutePath().resolve("missing/base.toml"))
            .hasMessageContaining("Config file: " + a.toAbsolutePath());
    }

    @Test
    void fromTomlResolvesExtendAgainstTheBaseDirectory() {
        write(root.resolve("shared.toml"), "store = \"prod\"\n");
        MetaxyConfig config = MetaxyConfig.fromToml("extend = \"shared.toml\"\nproject = \"p\"\n", root, Map.of());
        assertThat(config.store()).isEqualTo("prod");
        assertThat(config.configFile()).isEmpty();
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
