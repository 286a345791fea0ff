package dev.metaxy.spark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metaxy.cli.JsonOutput;
import dev.metaxy.cli.MetaxyCli;
import dev.metaxy.definition.DefinitionJson;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.spark.SparkTestSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real metaxy CLI (in-process) on a project whose store is {@code type = "spark"} with a local master: push,
 * write, status, resolve, write back and read, over Delta tables on disk.
 */
class SparkCliTest {
    static final FeatureSpec RAW = FeatureSpec.builder("video/raw").idColumns("sample_uid").field("default", "1").build();
    static final FeatureSpec CLEAN = FeatureSpec.builder("video/clean").idColumns("sample_uid").dependsOn(RAW).field("default", "1").build();

    @TempDir
    Path dir;

    @BeforeAll
    static void session() {
        SparkTestSession.get(); // the CLI's store joins the running local session (one per test JVM)
    }

    private record Run(int code, String out, String err) {
    }

    private Run metaxy(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MetaxyCli.execute(args, Map.of(), dir, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
        Run r = new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        assertThat(r.code()).as("metaxy %s: %s", String.join(" ", args), r.err()).isZero();
        return r;
    }

    private static JsonNode json(String text) throws IOException {
        return JsonOutput.mapper().readTree(text);
    }

    @Test
    void pushWriteStatusResolveAndReadThroughTheCli() throws Exception {
        DefinitionJson.writeFile(dir.resolve("features.json"), List.of(RAW, CLEAN));
        Files.writeString(dir.resolve("metaxy.toml"), """
            project = "demo"
            store = "lake"
            entrypoints = ["features.json"]

            [stores.lake]
            type = "spark"
            [stores.lake.config]
            format = "delta"
            root_path = "%s"
            master = "local[2]"
            hash_algorithm = "xxhash64"
            [stores.lake.config.spark_conf]
            "spark.sql.shuffle.partitions" = 4
            """.formatted(dir.resolve("lake")));
        Files.writeString(dir.resolve("raw.jsonl"), """
            {"sample_uid": "s1", "metaxy_provenance_by_field": {"default": "p1"}}
            {"sample_uid": "s2", "metaxy_provenance_by_field": {"default": "p2"}}
            {"sample_uid": "s3", "metaxy_provenance_by_field": {"default": "p3"}}
            """);

        Run push = metaxy("push");
        assertThat(push.out().strip()).hasSize(8);
        assertThat(push.err()).contains("Recorded at: lake (spark, " + dir.resolve("lake") + ")").endsWith("✓ Recorded feature graph\n");
        metaxy("metadata", "write", "video/raw", "--input", "raw.jsonl");
        assertThat(dir.resolve("lake/video/raw.delta/_delta_log")).isDirectory();

        JsonNode before = json(metaxy("metadata", "status", "video/clean", "--format", "json").out()).get("features").get("video/clean");
        assertThat(before.get("status").asText()).isEqualTo("missing");

        Run resolved = metaxy("metadata", "resolve", "video/clean", "--format", "jsonl", "--output", "inc");
        assertThat(resolved.err()).contains("video/clean: 3 new, 0 stale, 0 orphaned");
        List<String> provenance = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("inc/new.jsonl"))) {
            provenance.add(json(line).get("metaxy_provenance").asText());
        }
        assertThat(provenance).hasSize(3).doesNotHaveDuplicates().allSatisfy(p -> assertThat(p).isNotEmpty());
        metaxy("metadata", "write", "video/clean", "--input", "inc/new.jsonl");

        JsonNode after = json(metaxy("metadata", "status", "video/clean", "--format", "json").out()).get("features").get("video/clean");
        assertThat(after.get("status").asText()).isEqualTo("up_to_date");
        assertThat(after.get("store_rows").asInt()).isEqualTo(3);
        assertThat(json(metaxy("metadata", "resolve", "video/clean").out()).get("new")).isEmpty();

        JsonNode rows = json(metaxy("metadata", "read", "video/clean", "--format", "json").out());
        assertThat(rows).hasSize(3);
        List<String> stored = new ArrayList<>();
        rows.forEach(r -> stored.add(r.get("metaxy_provenance").asText()));
        assertThat(stored).containsExactlyInAnyOrderElementsOf(provenance);

        // an upstream change makes exactly that sample stale
        Files.writeString(dir.resolve("raw2.jsonl"), "{\"sample_uid\": \"s2\", \"metaxy_provenance_by_field\": {\"default\": \"changed\"}}\n");
        metaxy("metadata", "write", "video/raw", "--input", "raw2.jsonl");
        JsonNode stale = json(metaxy("metadata", "resolve", "video/clean").out()).get("stale");
        assertThat(stale).hasSize(1);
        assertThat(stale.get(0).get("sample_uid").asText()).isEqualTo("s2");
    }
}
