package dev.metaxy.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metaxy.postgres.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user trips over, through the unpacked launcher: every problem is a non-zero exit with one clear line (no
 * stack trace) and nothing written; listings print data only on stdout; rows come back in a stable order.
 */
class UserErrorsIT {
    private static final String DUCKDB = """
        [stores.dev]
        type = "duckdb"
        [stores.dev.config]
        database = "./dev.duckdb"
        """;

    @TempDir
    Path dir;

    private UserProject project() {
        return new UserProject(dir, DUCKDB);
    }

    private static void noStackTrace(Distribution.Result r) {
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void statusFailsWithOneLinePerBrokenFeature() {
        UserProject p = project();
        p.write("features.json", """
            {"features": [
              {"key": "a", "id_columns": ["sample_uid"], "deps": [{"feature": "b"}], "fields": [{"key": "default"}]},
              {"key": "b", "id_columns": ["sample_uid"], "deps": [{"feature": "a"}], "fields": [{"key": "default"}]},
              {"key": "c2", "id_columns": ["sample_uid"], "fields": [{"key": "y"}]},
              {"key": "c", "id_columns": ["sample_uid"], "deps": [{"feature": "c2"}],
               "fields": [{"key": "x", "deps": [{"feature": "c2", "fields": ["nope"]}]}]},
              {"key": "d", "id_columns": ["sample_uid"], "deps": [{"feature": "ghost"}], "fields": [{"key": "default"}]}
            ]}
            """);
        for (String[] args : List.of(new String[] {"metadata", "status", "--all-features"},
            new String[] {"metadata", "status", "--all-features", "--assert-in-sync"})) {
            Distribution.Result r = p.run(args);
            assertThat(r.exitCode()).isNotZero();
            noStackTrace(r);
            List<String> errors = r.errLines().stream().filter(l -> l.startsWith("Error: ")).toList();
            assertThat(errors).anyMatch(l -> l.startsWith("Error: a: ") && l.contains("cycle"))
                .anyMatch(l -> l.startsWith("Error: c: ") && l.contains("nope"))
                .anyMatch(l -> l.startsWith("Error: d: ") && l.contains("ghost"));
        }
    }

    @Test
    void statusFailsWhenAnUpstreamTableDoesNotExist() {
        UserProject p = project();
        Distribution.Result r = p.run("metadata", "status", "video/faces", "--assert-in-sync");
        assertThat(r.exitCode()).isNotZero();
        noStackTrace(r);
        assertThat(r.errLines()).singleElement().asString().startsWith("Error: video/faces: ").contains("'video'");
    }

    @Test
    void rebaseFromAnUnknownVersionListsTheStoredVersions() {
        UserProject p = project();
        p.videos("video.jsonl", 1, 2, "v");
        p.ok("metadata", "write", "video", "--input", "video.jsonl");
        p.ok("metadata", "resolve", "video/faces", "--format", "jsonl", "--output", "inc");
        p.ok("metadata", "write", "video/faces", "--input", "inc/new.jsonl");
        String version = p.featureVersion("video/faces");

        Distribution.Result r = p.run("metadata", "rebase", "video/faces", "--from", "deadbeef");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).singleElement().asString().contains("deadbeef").contains(version + " (2 rows)");

        JsonNode versions = p.json("metadata", "status", "video/faces", "--versions", "--format", "json")
            .get("features").get("video/faces").get("stored_versions");
        assertThat(versions).hasSize(1);
        assertThat(versions.toString()).contains(version).contains("2");
        assertThat(p.ok("metadata", "status", "video/faces", "--versions")).contains(version);
    }

    @Test
    void anUnterminatedVariableIsAConfigurationErrorAndCreatesNothing() throws IOException {
        UserProject p = new UserProject(dir, """
            [stores.dev]
            type = "duckdb"
            [stores.dev.config]
            database = "${DATA_DIR:-./x.duckdb"
            """);
        Distribution.Result r = p.run("metadata", "status", "--all-features");
        assertThat(r.exitCode()).isNotZero();
        noStackTrace(r);
        assertThat(r.errLines().get(0)).contains("Unterminated").contains("stores.dev.config.database")
            .contains(dir.resolve("metaxy.toml").toString());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("features.json", "metaxy.toml");
        }
    }

    @Test
    void aDotEnvThatIsNotUtf8IsOneLine() throws IOException {
        UserProject p = project();
        Files.write(dir.resolve(".env"), new byte[] {'A', '=', (byte) 0xff, (byte) 0xfe, '\n'});
        Distribution.Result r = p.run("list", "features");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).singleElement().asString().contains(dir.resolve(".env").toString()).contains("UTF-8");
    }

    @Test
    void provenanceMustBeStringsAndNestedValuesAreRefusedWithColumnAndRow() {
        UserProject p = project();
        p.write("bad.jsonl", """
            {"sample_uid": 1, "metaxy_provenance_by_field": {"audio": "a1", "frames": "f1"}}
            {"sample_uid": 2, "metaxy_provenance_by_field": {"audio": 1, "frames": null}}
            """);
        Distribution.Result bad = p.run("metadata", "write", "video", "--input", "bad.jsonl");
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.errLines()).singleElement().asString().contains("metaxy_provenance_by_field").contains("row 2");
        assertThat(p.run("metadata", "read", "video").exitCode()).as("nothing was written").isNotZero();

        p.write("ok.jsonl", "{\"sample_uid\": 1, \"note\": \"plain\", \"metaxy_provenance_by_field\": {\"audio\": \"a\", \"frames\": \"f\"}}\n");
        p.ok("metadata", "write", "video", "--input", "ok.jsonl");
        p.write("nested.jsonl", "{\"sample_uid\": 3, \"note\": {\"x\": [1, 2]}, "
            + "\"metaxy_provenance_by_field\": {\"audio\": \"a\", \"frames\": \"f\"}}\n");
        Distribution.Result nested = p.run("metadata", "write", "video", "--input", "nested.jsonl");
        assertThat(nested.exitCode()).isNotZero();
        assertThat(nested.errLines()).singleElement().asString().contains("'note'").contains("row 1");
        assertThat(UserProject.ids(p.rows("video"))).containsExactly(1L);
    }

    @Test
    void storesArePrintedAsNameTypeAndLocationWithSecretsRedacted() {
        UserProject p = project();
        Distribution.Result push = p.run("push");
        assertThat(push.exitCode()).isZero();
        assertThat(push.err()).contains("dev (duckdb, ").doesNotContain("{'");
        p.videos("video.jsonl", 1, 1, "v");
        p.ok("metadata", "write", "video", "--input", "video.jsonl");
        String status = p.ok("metadata", "status", "--all-features");
        assertThat(status).contains("dev (duckdb, ").doesNotContain("{'").doesNotContain("'display'");
        JsonNode store = p.status("video").get("store_metadata");
        assertThat(store.get("name").asText()).isEqualTo("dev");
        assertThat(store.get("type").asText()).isEqualTo("duckdb");
        assertThat(store.get("location").asText()).endsWith("dev.duckdb");

        PostgresServer pg = PostgresServer.get();
        String url = pg.freshDatabase("dist_redact");
        String database = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
        UserProject secret = new UserProject(dir.resolve("pg"), """
            [stores.dev]
            type = "postgres"
            [stores.dev.config]
            connection_string = "postgresql://postgres:s3cret@%s:%d/%s"
            """.formatted(pg.host(), pg.port(), database));
        Distribution.Result pgPush = secret.run("push");
        assertThat(pgPush.exitCode()).as(pgPush.err()).isZero();
        assertThat(pgPush.err()).contains("dev (postgres, ").contains("***").doesNotContain("s3cret");
    }

    @Test
    void listFeaturesPrintsDataOnlyWithTheDefinitionFileAsSource() {
        UserProject p = project();
        Distribution.Result r = p.run("list", "features");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().lines().findFirst().orElseThrow()).startsWith("Feature");
        assertThat(r.out()).contains("features.json").doesNotContain(" ?");
        assertThat(r.err()).contains("demo");
        for (JsonNode f : p.json("list", "features", "--format", "json").get("features")) {
            assertThat(f.get("source").asText()).isEqualTo("features.json");
        }
    }

    @Test
    void deleteReportsItsCounts() {
        UserProject p = project();
        p.videos("video.jsonl", 1, 4, "v");
        p.ok("metadata", "write", "video", "--input", "video.jsonl");
        Distribution.Result soft = p.run("metadata", "delete", "video", "--filter", "sample_uid <= 2");
        assertThat(soft.exitCode()).isZero();
        assertThat(soft.err()).contains("2 row(s)");
        JsonNode hard = p.json("metadata", "delete", "video", "--filter", "sample_uid = 4", "--hard", "--format", "json");
        assertThat(hard.get("total").asInt()).isEqualTo(1);
        assertThat(hard.get("deleted").get("video").asInt()).isEqualTo(1);
    }

    @Test
    void readReturnsRowsOrderedByIdEveryTime() {
        UserProject p = project();
        for (int id : new int[] {7, 3, 9, 1, 5, 8, 2, 6, 4}) {
            p.videos("v" + id + ".jsonl", id, id, "v");
            p.ok("metadata", "write", "video", "--input", "v" + id + ".jsonl");
        }
        String first = p.ok("metadata", "read", "video");
        assertThat(UserProject.ids(p.rows("video"))).isSorted();
        List<Long> order = p.rows("video").stream().map(r -> r.get("sample_uid").asLong()).toList();
        assertThat(order).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(p.ok("metadata", "read", "video")).isEqualTo(first);
    }

    @Test
    void negativeLimitsAndDepthsAreRefused() {
        UserProject p = project();
        for (String[] args : List.of(new String[] {"history", "--limit", "-5"},
            new String[] {"graph", "render", "--feature", "video/faces", "--up", "-1"},
            new String[] {"graph", "render", "--feature", "video/faces", "--down=-2"})) {
            Distribution.Result r = p.run(args);
            assertThat(r.exitCode()).as(String.join(" ", args)).isNotZero();
            assertThat(r.out()).isEmpty();
            assertThat(r.errLines()).singleElement().asString().contains("must be 0 or more");
        }
    }

    @Test
    void theReadmeDefinitionFileWorksAsItIs() throws IOException {
        Path readme = null;
        for (Path d = Path.of("").toAbsolutePath(); d != null && readme == null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("README.md")) && Files.isDirectory(d.resolve("metaxy-dist"))) {
                readme = d.resolve("README.md");
            }
        }
        assertThat(readme).as("the repository README").isNotNull();
        Matcher m = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(readme));
        String definitions = null;
        while (m.find() && definitions == null) {
            definitions = m.group(1).contains("\"features\"") ? m.group(1) : null;
        }
        assertThat(definitions).as("a JSON definition file in the README").isNotNull();
        UserProject p = project();
        p.write("features.json", definitions);
        p.write("metaxy.toml", Files.readString(dir.resolve("metaxy.toml")).replace("project = \"demo\"", "project = \"my_project\""));
        JsonNode listed = p.json("list", "features", "--format", "json");
        assertThat(listed.get("feature_count").asInt()).isEqualTo(2);
        assertThat(listed.toString()).contains("video/raw").contains("video/transcript");
    }
}
