package dev.metaxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metaxy.config.MetaxyConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stores are printed as {@code name (type, location)} / {name, type, location}, secrets redacted. */
class StoreLabelTest {
    @TempDir
    Path dir;

    @Test
    void statusInfoIsTheStoreLabelInTextAndStructuredInJson() throws Exception {
        TestProject p = TestProject.create(dir, "demo", TestProject.PARENT_CHILD);
        String location = p.database().toString().replace("\\", "/");
        CliRun.Result text = p.run("metadata", "status", "examples/parent");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out().lines().filter(l -> l.contains("examples/parent")).findFirst().orElseThrow())
            .endsWith("dev (duckdb, " + location + ")").doesNotContain("{'");
        JsonNode store = JsonOutput.mapper().readTree(p.run("metadata", "status", "examples/parent", "--format", "json").out())
            .get("features").get("examples/parent").get("store_metadata");
        assertThat(store.get("name").asText()).isEqualTo("dev");
        assertThat(store.get("type").asText()).isEqualTo("duckdb");
        assertThat(store.get("location").asText()).isEqualTo(location);
    }

    @Test
    void passwordsInConnectionStringsAreRedacted() throws Exception {
        Files.writeString(dir.resolve("metaxy.toml"), """
            store = "pg"
            [stores.pg]
            type = "postgres"
            [stores.pg.config]
            connection_string = "postgresql://metaxy:s3cret@db.example:5432/meta?sslmode=require&password=other"
            [stores.pg2]
            type = "postgres"
            [stores.pg2.config]
            host = "db.example"
            port = 5433
            database = "meta"
            password = "s3cret"
            """);
        MetaxyConfig config = MetaxyConfig.loader().configFile(dir.resolve("metaxy.toml")).environment(Map.of()).load();
        assertThat(StoreLabel.of(config, "pg").text())
            .isEqualTo("pg (postgres, postgresql://metaxy:***@db.example:5432/meta?sslmode=require&password=***)");
        assertThat(StoreLabel.of(config, "pg2").text()).isEqualTo("pg2 (postgres, db.example:5433/meta)");
        assertThat(StoreLabel.of(config, "pg2").json().toString()).doesNotContain("s3cret");
    }
}
