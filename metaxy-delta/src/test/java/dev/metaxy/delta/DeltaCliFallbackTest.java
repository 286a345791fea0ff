package dev.metaxy.delta;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metaxy.cli.JsonOutput;
import dev.metaxy.cli.MetaxyCli;
import dev.metaxy.definition.DefinitionJson;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.FieldDep;
import dev.metaxy.lake.LocalS3Server;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference user guide's dev/prod set-up driven through the real CLI, in-process: {@code dev} is a local Delta
 * store under {@code ${HOME}/.metaxy/dev} falling back to {@code prod}, a Delta store on the local S3 server whose
 * endpoint and credentials come only from the AWS environment variables the CLI runs with (credentials from
 * {@code ./.env}).
 */
class DeltaCliFallbackTest {
    static final FeatureSpec RAW = FeatureSpec.builder("video/raw").idColumns("sample_uid").field("frames", "1").build();
    static final FeatureSpec FACES = FeatureSpec.builder("video/faces").idColumns("sample_uid").dependsOn(RAW)
        .field("faces", "1", FieldDep.on(RAW.key(), "frames")).build();

    @TempDir
    Path dir;
    private final Map<String, String> env = new HashMap<>();

    /** The outcome of one CLI run. */
    record Run(int exitCode, String out, String err) {
        JsonNode json() throws Exception {
            return JsonOutput.mapper().readTree(out);
        }

        List<JsonNode> jsonLines() throws Exception {
            List<JsonNode> rows = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (!line.isBlank()) {
                    rows.add(JsonOutput.mapper().readTree(line));
                }
            }
            return rows;
        }
    }

    private Run metaxy(String... args) {
        Run r = run(args);
        assertThat(r.exitCode()).as("metaxy %s: %s", String.join(" ", args), r.err()).isZero();
        return r;
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MetaxyCli.execute(args, Map.copyOf(env), dir, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private void rawInput(String file, int from, int to, String tag) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i <= to; i++) {
            sb.append("{\"sample_uid\": ").append(i).append(", \"path\": \"").append(tag).append(i)
                .append("\", \"metaxy_provenance_by_field\": {\"frames\": \"").append(tag).append("-f").append(i).append("\"}}\n");
        }
        Files.writeString(dir.resolve(file), sb.toString());
    }

    private static Map<Long, String> provenanceById(List<JsonNode> rows) {
        Map<Long, String> m = new TreeMap<>();
        rows.forEach(r -> m.put(r.get("sample_uid").asLong(), r.get("metaxy_provenance").asText()));
        return m;
    }

    @Test
    void devFallsBackToProdOnS3ThroughTheCli() throws Exception {
        LocalS3Server s3 = LocalS3Server.get();
        String bucket = s3.newBucket("prod");
        // the endpoint comes from the environment, the credentials from ./.env, which the CLI loads
        env.put("AWS_ENDPOINT_URL", s3.endpoint());
        env.put("AWS_REGION", "us-east-1");
        env.put("HOME", dir.resolve("home").toString());
        Files.writeString(dir.resolve(".env"), "AWS_ACCESS_KEY_ID=" + LocalS3Server.ACCESS_KEY + "\nAWS_SECRET_ACCESS_KEY="
            + LocalS3Server.SECRET_KEY + "\n");
        DefinitionJson.writeFile(dir.resolve("features.json"), List.of(RAW, FACES));
        Files.writeString(dir.resolve("metaxy.toml"), """
            project = "guide"
            store = "dev"
            entrypoints = ["features.json"]

            """ + DeltaUserGuideFallbackTest.GUIDE_TOML.replace("my-prod-bucket", bucket));
        Path devRoot = dir.resolve("home/.metaxy/dev");

        JsonNode stores = metaxy("list", "stores", "--format", "json").json();
        assertThat(stores.get("default_store").asText()).isEqualTo("dev");
        assertThat(stores.get("store_count").asInt()).isEqualTo(2);
        assertThat(stores.toString()).contains("DeltaMetadataStore(path=" + devRoot + ")")
            .contains("DeltaMetadataStore(path=s3://" + bucket + "/metaxy)");
        assertThat(stores.get("stores").get(0).get("fallbacks").get(0).asText()).isEqualTo("prod");

        // prod is filled through the CLI too: six raw samples and their faces
        rawInput("prod-raw.jsonl", 1, 6, "prod");
        metaxy("metadata", "write", "video/raw", "--input", "prod-raw.jsonl", "--store", "prod");
        metaxy("metadata", "resolve", "video/faces", "--store", "prod", "--format", "jsonl", "--output", "prod-inc");
        metaxy("metadata", "write", "video/faces", "--input", "prod-inc/new.jsonl", "--store", "prod");
        assertThat(s3.exists(bucket, "metaxy/video/faces.delta/_delta_log/00000000000000000000.json")).isTrue();
        Map<Long, String> prodFaces = provenanceById(metaxy("metadata", "read", "video/faces", "--store", "prod").jsonLines());
        assertThat(prodFaces).hasSize(6);

        // dev has nothing yet: features missing locally are read whole from prod
        List<JsonNode> raw = metaxy("metadata", "read", "video/raw").jsonLines();
        assertThat(raw).hasSize(6).allSatisfy(r -> assertThat(r.get("path").asText()).startsWith("prod"));
        Run local = run("metadata", "read", "video/raw", "--no-allow-fallback-stores");
        assertThat(local.exitCode()).isEqualTo(1);
        assertThat(local.err()).contains("Feature video/raw not found in store");
        JsonNode status = metaxy("metadata", "status", "video/faces", "--format", "json").json().get("features").get("video/faces");
        // prod's faces are visible through the fallback, but dev's own increment has all six samples missing
        assertThat(status.get("needs_update").asBoolean()).as(status.toString()).isTrue();
        assertThat(status.get("missing").asInt()).as(status.toString()).isEqualTo(6);

        // resolving the downstream feature in dev uses prod's upstream rows: exactly prod's provenance, all new
        JsonNode inc = metaxy("metadata", "resolve", "video/faces").json();
        assertThat(inc.get("new")).hasSize(6);
        assertThat(inc.get("stale")).isEmpty();
        List<JsonNode> newRows = new ArrayList<>();
        inc.get("new").forEach(newRows::add);
        assertThat(provenanceById(newRows)).isEqualTo(prodFaces);
        metaxy("metadata", "resolve", "video/faces", "--format", "jsonl", "--output", "dev-inc");
        metaxy("metadata", "write", "video/faces", "--input", "dev-inc/new.jsonl");
        assertThat(devRoot.resolve("video/faces.delta/_delta_log")).isDirectory();
        assertThat(devRoot.resolve("video/raw.delta")).doesNotExist();
        status = metaxy("metadata", "status", "video/faces", "--format", "json").json().get("features").get("video/faces");
        assertThat(status.get("status").asText()).isEqualTo("up_to_date");
        assertThat(status.get("store_rows").asInt()).isEqualTo(6);

        // once dev has its own raw table, prod's rows are never mixed in
        rawInput("dev-raw.jsonl", 1, 2, "dev");
        metaxy("metadata", "write", "video/raw", "--input", "dev-raw.jsonl");
        raw = metaxy("metadata", "read", "video/raw").jsonLines();
        assertThat(raw).hasSize(2).allSatisfy(r -> assertThat(r.get("path").asText()).startsWith("dev"));
        inc = metaxy("metadata", "resolve", "video/faces").json();
        assertThat(inc.get("stale")).hasSize(2);
        assertThat(inc.get("orphaned")).hasSize(4);
        assertThat(inc.get("new")).isEmpty();
        status = metaxy("metadata", "status", "video/faces", "--format", "json").json().get("features").get("video/faces");
        assertThat(status.get("status").asText()).as(status.toString()).isEqualTo("needs_update");
        assertThat(status.get("stale").asInt()).isEqualTo(2);
        assertThat(status.get("orphaned").asInt()).isEqualTo(4);

        // prod is untouched by dev's writes
        assertThat(metaxy("metadata", "read", "video/raw", "--store", "prod").jsonLines()).hasSize(6);
        assertThat(provenanceById(metaxy("metadata", "read", "video/faces", "--store", "prod").jsonLines())).isEqualTo(prodFaces);
    }
}
