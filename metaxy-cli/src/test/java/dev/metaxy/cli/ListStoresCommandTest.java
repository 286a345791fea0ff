package dev.metaxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListStoresCommandTest {
    static void writeConfig(Path dir) throws Exception {
        Files.writeString(dir.resolve("metaxy.toml"), """
            project = "demo"
            store = "dev"

            [stores.dev]
            type = "duckdb"
            fallback_stores = ["prod"]
            [stores.dev.config]
            database = "dev.duckdb"

            [stores.prod]
            type = "metaxy.ext.duckdb.DuckDBMetadataStore"
            [stores.prod.config]
            database = "prod.duckdb"
            """);
    }

    @Test
    void listsStoresDefaultFirstAsTable(@TempDir Path dir) throws Exception {
        writeConfig(dir);
        CliRun.Result r = new CliRun(dir).run("list", "stores");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("dev (default)").contains("prod").contains("Total: 2 store(s)")
            .contains("DuckDBMetadataStore(database=dev.duckdb)");
        assertThat(r.out().indexOf("dev (default)")).isLessThan(r.out().indexOf("prod "));
    }

    @Test
    void listsStoresAsJson(@TempDir Path dir) throws Exception {
        writeConfig(dir);
        CliRun.Result r = new CliRun(dir).run("list", "stores", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = JsonOutput.mapper().readTree(r.out());
        assertThat(json.get("default_store").asText()).isEqualTo("dev");
        assertThat(json.get("store_count").asInt()).isEqualTo(2);
        assertThat(json.get("stores").get(0).get("fallbacks").get(0).asText()).isEqualTo("prod");
        assertThat(r.out()).contains("\"store_count\": 2");
    }

    @Test
    void formatComesFromTheEnvironmentToo(@TempDir Path dir) throws Exception {
        writeConfig(dir);
        CliRun.Result r = new CliRun(dir).env("METAXY_LIST_STORES_FORMAT", "json").run("list", "stores");
        assertThat(r.out()).startsWith("{");
    }

    @Test
    void malformedTomlIsOneClearErrorLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("metaxy.toml"), "project = \n");
        CliRun.Result r = new CliRun(dir).run("list", "stores");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("Error: ").contains("metaxy.toml");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void bareMetaxyPrintsHelpAndUnknownOptionsFail(@TempDir Path dir) {
        CliRun.Result help = new CliRun(dir).run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: metaxy").contains("Learn more in Metaxy docs");
        CliRun.Result bare = new CliRun(dir).run();
        assertThat(bare.exitCode()).isZero();
        assertThat(bare.out()).contains("Usage: metaxy");
        CliRun.Result bad = new CliRun(dir).run("list", "stores", "--nope");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("Unknown option: '--nope'");
    }
}
