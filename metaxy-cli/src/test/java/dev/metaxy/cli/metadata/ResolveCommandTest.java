package dev.metaxy.cli.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metaxy.cli.CliRun;
import dev.metaxy.cli.JsonOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResolveCommandTest {
    @TempDir
    Path dir;

    private static JsonNode json(String text) throws Exception {
        return JsonOutput.mapper().readTree(text);
    }

    @Test
    void jsonHasNewStaleAndOrphanedWithByFieldObjects() throws Exception {
        MetadataProject p = new MetadataProject(dir);
        p.writeRaw("a", "b", "c");
        CliRun.Result r = p.run("metadata", "resolve", "video/clean", "--global-filter", "sample_uid != 's3'");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode inc = json(r.out());
        assertThat(inc.fieldNames()).toIterable().containsExactly("new", "stale", "orphaned");
        assertThat(inc.get("new")).hasSize(2);
        assertThat(inc.get("stale")).isEmpty();
        JsonNode row = inc.get("new").get(0);
        assertThat(row.get("metaxy_provenance_by_field").get("default").asText()).isNotEmpty();
        assertThat(row.get("metaxy_provenance").asText()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jsonl", "parquet"})
    void outputWritesBackWithMetadataWrite(String format) throws Exception {
        MetadataProject p = new MetadataProject(dir);
        p.writeRaw("a", "b", "c");
        CliRun.Result r = p.run("metadata", "resolve", "video/clean", "--format", format, "--output", "inc");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("video/clean: 3 new, 0 stale, 0 orphaned");
        assertThat(dir.resolve("inc/new." + format)).exists();
        assertThat(dir.resolve("inc/stale." + format)).exists();
        assertThat(dir.resolve("inc/orphaned." + format)).exists();
        CliRun.Result w = p.run("metadata", "write", "video/clean", "--input", "inc/new." + format);
        assertThat(w.exitCode()).as(w.err()).isZero();
        JsonNode status = json(p.run("metadata", "status", "video/clean", "--format", "json").out()).get("features").get("video/clean");
        assertThat(status.get("status").asText()).isEqualTo("up_to_date");
        assertThat(status.get("store_rows").asInt()).isEqualTo(3);
        CliRun.Result again = p.run("metadata", "resolve", "video/clean");
        assertThat(json(again.out()).get("new")).isEmpty();
    }

    @Test
    void staleSamplesAfterAnUpstreamChange() throws Exception {
        MetadataProject p = new MetadataProject(dir);
        p.writeRaw("a", "b");
        p.materializeClean("dev");
        Files.writeString(dir.resolve("raw.jsonl"), "{\"sample_uid\": \"s1\", \"level\": \"a\", \"metaxy_provenance_by_field\": {\"default\": \"changed\"}}\n");
        assertThat(p.run("metadata", "write", "video/raw", "--input", "raw.jsonl").exitCode()).isZero();
        JsonNode inc = json(p.run("metadata", "resolve", "video/clean").out());
        assertThat(inc.get("stale")).hasSize(1);
        assertThat(inc.get("stale").get(0).get("sample_uid").asText()).isEqualTo("s1");
    }

    @Test
    void rootFeaturesTakeSamplesFromAFile() throws Exception {
        MetadataProject p = new MetadataProject(dir);
        p.writeRoot("dev", "logs", "level", "debug");
        Files.writeString(dir.resolve("samples.csv"), """
            sample_uid,metaxy_provenance_by_field
            s1,"{""level"": ""p1""}"
            s2,"{""level"": ""p2""}"
            """);
        CliRun.Result r = p.run("metadata", "resolve", "logs", "--samples", "samples.csv");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode inc = json(r.out());
        assertThat(inc.get("new")).hasSize(1);
        assertThat(inc.get("new").get(0).get("sample_uid").asText()).isEqualTo("s2");
    }

    @Test
    void errors() {
        MetadataProject p = new MetadataProject(dir);
        p.writeRaw("a");
        CliRun.Result root = p.run("metadata", "resolve", "video/raw");
        assertThat(root.exitCode()).isEqualTo(1);
        assertThat(root.err()).startsWith("Error: Feature video/raw has no upstream dependencies (root feature).");
        CliRun.Result jsonl = p.run("metadata", "resolve", "video/clean", "--format", "jsonl");
        assertThat(jsonl.exitCode()).isEqualTo(1);
        assertThat(jsonl.err()).isEqualTo("Error: --format jsonl needs --output DIR\n");
        CliRun.Result hostile = p.run("metadata", "resolve", "video/clean", "--global-filter", "x = 1; DROP TABLE t");
        assertThat(hostile.exitCode()).isEqualTo(1);
        assertThat(hostile.err()).startsWith("Invalid filter syntax: ");
        CliRun.Result samples = p.run("metadata", "resolve", "video/raw", "--samples", "nope.parquet");
        assertThat(samples.err()).startsWith("Error: No such file: ");
        assertThat(p.rawRows("dev", "video/raw")).isEqualTo(1);
        assertThat(p.rawRows("dev", "video/clean")).isZero();
    }
}
