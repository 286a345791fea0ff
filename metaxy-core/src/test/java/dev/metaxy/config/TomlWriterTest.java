package dev.metaxy.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tomlj.Toml;

class TomlWriterTest {
    @Test
    void valuesFirstThenTablesArraysOfTablesAndNoNulls() {
        Map<String, Object> store = new LinkedHashMap<>();
        store.put("type", "duckdb");
        store.put("config", Map.of("database", "a \"b\".duckdb"));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("stores", Map.of("dev", store));
        doc.put("store", "dev");
        doc.put("locked", null);
        doc.put("entrypoints", List.of("a", "b"));
        doc.put("extra_features", List.of(Map.of("keys", List.of("x/y"))));
        String toml = TomlWriter.write(doc);
        assertThat(toml).isEqualTo("""
            store = "dev"
            entrypoints = [
                "a",
                "b",
            ]

            [stores.dev]
            type = "duckdb"

            [stores.dev.config]
            database = "a \\"b\\".duckdb"

            [[extra_features]]
            keys = [
                "x/y",
            ]
            """);
        assertThat(Toml.parse(toml).errors()).isEmpty();
    }
}
