package dev.metaxy.cli.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metaxy.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteCommandTest {
    @TempDir
    Path dir;
    MetadataProject p;

    @BeforeEach
    void setUp() {
        p = new MetadataProject(dir);
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void writesJsonLinesWithByFieldObjects() throws Exception {
        file("logs.jsonl", """
            {"sample_uid": "s1", "level": "debug", "metaxy_provenance_by_field": {"level": "p1"}}
            {"sample_uid": "s2", "level": "info", "metaxy_provenance_by_field": {"level": "p2"}}
            """);
        CliRun.Result r = p.run("metadata", "write", "logs", "--input", "logs.jsonl");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEqualTo("✓ Wrote 2 row(s) to logs\n");
        assertThat(p.rows("dev", "logs")).extracting(m -> (Object) ((Map<?, ?>) m.get("metaxy_provenance_by_field")).get("level"))
            .containsExactlyInAnyOrder("p1", "p2");
    }

    @Test
    void writesCsvWhoseByFieldCellsAreJsonAndKeepsDigitHashesAsText() throws Exception {
        file("logs.csv", """
            sample_uid,level,metaxy_provenance_by_field,metaxy_provenance
            s1,debug,"{""level"": ""42""}",42
            s2,info,"{""level"": ""7""}",7
            """);
        CliRun.Result r = p.run("metadata", "write", "logs", "-i", "logs.csv", "--store", "prod", "--materialization-id", "run-7");
        assertThat(r.exitCode()).as(r.err()).isZero();
        var rows = p.rows("prod", "logs");
        assertThat(rows).extracting(m -> m.get("metaxy_provenance")).containsExactlyInAnyOrder("42", "7");
        assertThat(rows).extracting(m -> m.get("metaxy_materialization_id")).containsOnly("run-7");
        assertThat(rows).extracting(m -> (Object) ((Map<?, ?>) m.get("metaxy_provenance_by_field")).get("level")).containsExactlyInAnyOrder("42", "7");
    }

    @Test
    void writesParquetExportedByRead() throws Exception {
        p.writeRoot("dev", "logs", "level", "debug", "info", "warn");
        CliRun.Result export = p.run("metadata", "read", "logs", "--format", "parquet", "--output", "logs.parquet");
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.err()).contains("✓ Wrote 3 row(s) to logs.parquet");
        CliRun.Result r = p.run("metadata", "write", "logs", "--input", "logs.parquet", "--store", "prod");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(p.rows("prod", "logs")).extracting(m -> m.get("level")).containsExactlyInAnyOrder("debug", "info", "warn");
    }

    @Test
    void everyBadInputIsOneErrorLineAndWritesNothing() throws Exception {
        p.writeRoot("dev", "logs", "level", "debug");
        file("bad.parquet", "this is not parquet");
        file("empty.jsonl", "");
        file("noprov.jsonl", "{\"sample_uid\": \"s9\", \"level\": \"x\"}\n");
        file("notobject.csv", "sample_uid,metaxy_provenance_by_field\ns9,p9\n");
        file("noid.jsonl", "{\"level\": \"x\", \"metaxy_provenance_by_field\": {\"level\": \"p\"}}\n");
        file("wrongfield.jsonl", "{\"sample_uid\": \"s9\", \"metaxy_provenance_by_field\": {\"other\": \"p\"}}\n");
        file("rows.txt", "x");
        Map<String, String> cases = Map.of(
            "bad.parquet", "Error: Cannot read ",
            "empty.jsonl", "Error: Input file is empty: ",
            "noprov.jsonl", "Error: DataFrame must have 'metaxy_provenance_by_field' column",
            "notobject.csv", "Error: Column 'metaxy_provenance_by_field', row 1: expected a JSON object keyed by field, got p9",
            "noid.jsonl", "Error: Feature logs: the frame lacks id column 'sample_uid'",
            "wrongfield.jsonl", "Error: Feature logs: 'metaxy_provenance_by_field' has no entry for field 'level'",
            "rows.txt", "Error: Unsupported file type 'rows.txt'",
            "missing.parquet", "Error: No such file: ");
        cases.forEach((name, message) -> {
            CliRun.Result r = p.run("metadata", "write", "logs", "--input", name);
            assertThat(r.exitCode()).as(name).isEqualTo(1);
            assertThat(r.err()).as(name).startsWith(message);
            assertThat(r.err().strip().lines()).as(name).hasSize(1);
            assertThat(r.out()).as(name).isEmpty();
        });
        CliRun.Result unknown = p.run("metadata", "write", "nope/x", "--input", "noprov.jsonl");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("Error: Feature 'nope/x' not found in graph\n");
        CliRun.Result noInput = p.run("metadata", "write", "logs");
        assertThat(noInput.exitCode()).isEqualTo(1);
        assertThat(noInput.err()).contains("Missing required option: '--input=FILE'");
        assertThat(p.rawRows("dev", "logs")).isEqualTo(1);
    }

    @Test
    void provenanceMustBeStringsAndNestedValuesNeverBecomeText() throws Exception {
        p.writeRoot("dev", "logs", "level", "debug");
        file("numprov.jsonl", "{\"sample_uid\": \"s9\", \"metaxy_provenance_by_field\": {\"level\": 1}}\n");
        file("nullprov.jsonl", "{\"sample_uid\": \"s8\", \"metaxy_provenance_by_field\": {\"level\": \"p\"}}\n"
            + "{\"sample_uid\": \"s9\", \"metaxy_provenance_by_field\": {\"level\": null}}\n");
        file("nullprov.csv", "sample_uid,metaxy_provenance_by_field\ns9,\"{\"\"level\"\": null}\"\n");
        file("nested.jsonl", "{\"sample_uid\": \"s9\", \"level\": {\"x\": [1, 2]}, \"metaxy_provenance_by_field\": {\"level\": \"p\"}}\n");
        file("mixed.jsonl", "{\"sample_uid\": \"s8\", \"note\": \"plain\", \"metaxy_provenance_by_field\": {\"level\": \"p\"}}\n"
            + "{\"sample_uid\": \"s9\", \"note\": [1], \"metaxy_provenance_by_field\": {\"level\": \"p\"}}\n");
        Map<String, String> cases = Map.of(
            "numprov.jsonl", "Error: Column 'metaxy_provenance_by_field', row 1: field 'level' must be a string, got 1",
            "nullprov.jsonl", "Error: Column 'metaxy_provenance_by_field', row 2: field 'level' must be a string, got null",
            "nullprov.csv", "Error: Column 'metaxy_provenance_by_field', row 1: field 'level' must be a string, got null",
            "nested.jsonl", "Error: Column 'level', row 1: a JSON object or array in a text column; write it as a JSON string",
            "mixed.jsonl", "Error: Column 'note', row 2: a JSON object or array in a column of scalar values; write it as a JSON string");
        cases.forEach((name, message) -> {
            CliRun.Result r = p.run("metadata", "write", "logs", "--input", name);
            assertThat(r.exitCode()).as(name).isEqualTo(1);
            assertThat(r.err()).as(name).isEqualTo(message + "\n");
            assertThat(r.out()).as(name).isEmpty();
        });
        assertThat(p.rawRows("dev", "logs")).isEqualTo(1);
        file("json-text.jsonl", "{\"sample_uid\": \"s9\", \"level\": \"{\\\"x\\\": [1, 2]}\", \"metaxy_provenance_by_field\": {\"level\": \"p\"}}\n");
        assertThat(p.run("metadata", "write", "logs", "--input", "json-text.jsonl").exitCode()).isZero();
        assertThat(p.rows("dev", "logs")).extracting(m -> m.get("level")).containsExactlyInAnyOrder("debug", "{\"x\": [1, 2]}");
    }
}
