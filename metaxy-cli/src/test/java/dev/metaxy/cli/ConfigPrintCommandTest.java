package dev.metaxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

class ConfigPrintCommandTest {
    @Test
    void tomlIsParseableAndKeepsStoresAndTheirOptions(@TempDir Path dir) throws Exception {
        ListStoresCommandTest.writeConfig(dir);
        CliRun.Result r = new CliRun(dir).run("config", "print");
        assertThat(r.exitCode()).as(r.err()).isZero();
        TomlParseResult toml = Toml.parse(r.out());
        assertThat(toml.errors()).isEmpty();
        assertThat(toml.getString("store")).isEqualTo("dev");
        assertThat(toml.getString("project")).isEqualTo("demo");
        assertThat(toml.getString("stores.dev.type")).isEqualTo("duckdb");
        assertThat(toml.getString("stores.dev.config.database")).isEqualTo("dev.duckdb");
        assertThat(toml.getArray("stores.dev.config.fallback_stores").getString(0)).isEqualTo("prod");
        assertThat(r.out()).startsWith("store = \"dev\"\nentrypoints = []\n").contains("\n[stores.dev]\ntype = \"duckdb\"\n")
            .doesNotContain("locked");
    }

    @Test
    void jsonHasEveryKeyIncludingNulls(@TempDir Path dir) throws Exception {
        ListStoresCommandTest.writeConfig(dir);
        CliRun.Result r = new CliRun(dir).run("config", "print", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = JsonOutput.mapper().readTree(r.out());
        assertThat(json.fieldNames()).toIterable().containsExactly("store", "stores", "extend", "entrypoints", "theme", "ext",
            "hash_truncation_length", "enable_map_datatype", "auto_create_tables", "project", "locked", "sync",
            "extra_features", "metaxy_lock_path");
        assertThat(json.get("locked").isNull()).isTrue();
        assertThat(json.get("stores").get("prod").get("type").asText()).isEqualTo("metaxy.ext.duckdb.DuckDBMetadataStore");
        assertThat(json.get("stores").get("dev").get("config").get("fallback_stores").get(0).asText()).isEqualTo("prod");
        assertThat(json.has("config_file")).isFalse();
    }

    @Test
    void aBadConfigFailsWithExitOne(@TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("metaxy.toml"), "hash_truncation_length = \"many\"\n");
        CliRun.Result r = new CliRun(dir).run("config", "print");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("Error: ");
        assertThat(r.out()).isEmpty();
    }
}
