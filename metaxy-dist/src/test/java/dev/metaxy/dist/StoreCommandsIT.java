package dev.metaxy.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metaxy.lake.LocalS3Server;
import dev.metaxy.postgres.PostgresServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every metadata command through the unpacked distribution, for each store it carries, configured as the README
 * shows: push, write, status, resolve, read, soft and hard delete, rebase, graph-diff and copy, with the answers checked.
 */
class StoreCommandsIT {
    @TempDir
    Path dir;

    @Test
    void duckDb() {
        everyCommand(new UserProject(dir, """
            [stores.dev]
            type = "duckdb"
            [stores.dev.config]
            database = "${DATA_DIR:-.}/dev.duckdb"

            [stores.other]
            type = "metaxy.ext.duckdb.DuckDBMetadataStore"
            [stores.other.config]
            database = "./other.duckdb"
            """));
        assertThat(dir.resolve("dev.duckdb")).isRegularFile();
    }

    @Test
    void postgres() {
        PostgresServer server = PostgresServer.get();
        everyCommand(new UserProject(dir, """
            [stores.dev]
            type = "postgres"
            [stores.dev.config]
            connection_string = "%s"

            [stores.other]
            type = "metaxy.ext.postgresql.PostgreSQLMetadataStore"
            [stores.other.config]
            connection_string = "%s"
            """.formatted(server.freshDatabase("dist_dev"), server.freshDatabase("dist_other"))));
    }

    @Test
    void deltaOnLocalDisk() {
        everyCommand(new UserProject(dir, """
            [stores.dev]
            type = "delta"
            root_path = "./delta/dev"

            [stores.other]
            type = "metaxy.ext.polars.handlers.delta.DeltaMetadataStore"
            root_path = "./delta/other"
            """));
        assertThat(dir.resolve("delta/dev/video.delta/_delta_log")).isDirectory();
    }

    @Test
    void icebergOnLocalDisk() {
        everyCommand(new UserProject(dir, """
            [stores.dev]
            type = "iceberg"
            [stores.dev.config]
            warehouse = "./warehouse/dev"
            namespace = "metaxy"

            [stores.other]
            type = "metaxy.ext.polars.handlers.iceberg.IcebergMetadataStore"
            [stores.other.config]
            warehouse = "./warehouse/other"
            """));
        assertThat(dir.resolve("warehouse/dev/catalog.db")).isRegularFile();
    }

    /** The README's dev -> prod set-up: dev on local disk falls back to prod on the (local) S3 server. */
    @Test
    void deltaDevFallsBackToProdOnS3() {
        LocalS3Server s3 = LocalS3Server.get();
        String bucket = s3.newBucket("prod");
        UserProject p = new UserProject(dir, """
            [stores.dev]
            type = "metaxy.ext.polars.handlers.delta.DeltaMetadataStore"
            root_path = "${HOME}/.metaxy/dev"
            fallback_stores = ["prod"]

            [stores.prod]
            type = "metaxy.ext.polars.handlers.delta.DeltaMetadataStore"
            root_path = "s3://%s/metaxy"
            """.formatted(bucket)).env(s3.environment());
        p.env(java.util.Map.of("HOME", dir.resolve("home").toString()));

        JsonNode stores = p.json("list", "stores", "--format", "json");
        assertThat(p.ok("push").trim()).matches("[0-9a-f]{8}");
        assertThat(stores.get("default_store").asText()).isEqualTo("dev");
        assertThat(stores.get("stores").get(0).get("fallbacks").get(0).asText()).isEqualTo("prod");

        // prod is filled through the CLI: four samples and their faces
        p.videos("prod-video.jsonl", 1, 4, "prod");
        p.ok("metadata", "write", "video", "--input", "prod-video.jsonl", "--store", "prod");
        p.ok("metadata", "resolve", "video/faces", "--store", "prod", "--format", "jsonl", "--output", "prod-inc");
        p.ok("metadata", "write", "video/faces", "--input", "prod-inc/new.jsonl", "--store", "prod");
        assertThat(s3.exists(bucket, "metaxy/video/faces.delta/_delta_log/00000000000000000000.json")).isTrue();

        // dev has no table yet: reads come whole from prod; without fallback the feature is not there
        assertThat(UserProject.ids(p.rows("video"))).containsExactly(1L, 2L, 3L, 4L);
        Distribution.Result local = p.run("metadata", "read", "video", "--no-allow-fallback-stores");
        assertThat(local.exitCode()).isNotZero();
        assertThat(local.errLines()).hasSize(1);
        assertThat(local.err()).contains("video").contains("not found");

        // dev's increment uses prod's upstream rows; the result is written to dev only
        JsonNode inc = p.json("metadata", "resolve", "video/faces");
        assertThat(inc.get("new")).hasSize(4);
        p.ok("metadata", "resolve", "video/faces", "--format", "jsonl", "--output", "dev-inc");
        p.ok("metadata", "write", "video/faces", "--input", "dev-inc/new.jsonl");
        assertThat(dir.resolve("home/.metaxy/dev/video/faces.delta/_delta_log")).isDirectory();
        assertThat(dir.resolve("home/.metaxy/dev/video.delta")).doesNotExist();
        JsonNode status = p.status("video/faces");
        assertThat(status.get("missing").asInt()).as(status.toString()).isZero();
        assertThat(status.get("stale").asInt()).as(status.toString()).isZero();
        assertThat(status.get("store_rows").asInt()).as(status.toString()).isEqualTo(4);

        // a soft delete in prod orphans the sample in dev
        p.ok("metadata", "delete", "video", "--store", "prod", "--filter", "sample_uid = 4");
        assertThat(UserProject.ids(p.rows("video"))).containsExactly(1L, 2L, 3L);
        JsonNode afterDelete = p.json("metadata", "resolve", "video/faces");
        assertThat(afterDelete.get("orphaned")).hasSize(1);
        assertThat(afterDelete.get("orphaned").get(0).get("sample_uid").asLong()).isEqualTo(4L);

        // copy prod's video table into dev; then dev reads its own
        p.ok("metadata", "copy", "--feature", "video", "--from", "prod", "--to", "dev");
        assertThat(dir.resolve("home/.metaxy/dev/video.delta/_delta_log")).isDirectory();
        assertThat(UserProject.ids(p.rows("video", "--no-allow-fallback-stores"))).containsExactly(1L, 2L, 3L);

        // a hard delete on S3 removes the rows, history included
        p.ok("metadata", "delete", "video", "--store", "prod", "--filter", "sample_uid = 4", "--hard");
        assertThat(UserProject.ids(p.rows("video", "--store", "prod", "--with-sample-history", "--include-soft-deleted")))
            .containsExactly(1L, 2L, 3L);

        // a code change of faces, rebased in dev from the old version: the samples whose upstream rows still exist
        String oldVersion = p.featureVersion("video/faces");
        p.write("features.json", UserProject.features("2"));
        assertThat(p.rows("video/faces", "--no-allow-fallback-stores")).isEmpty();
        p.ok("metadata", "rebase", "video/faces", "--from", oldVersion);
        assertThat(UserProject.ids(p.rows("video/faces", "--no-allow-fallback-stores"))).containsExactly(1L, 2L, 3L);
    }

    /** The whole command set on the project's {@code dev} store, with {@code other} as the copy target. */
    static void everyCommand(UserProject p) {
        String version = p.ok("push").trim();
        assertThat(version).matches("[0-9a-f]{8}");
        assertThat(p.run("push").err()).contains("already recorded");

        // write and read a root feature
        p.videos("video.jsonl", 1, 3, "v1");
        p.ok("metadata", "write", "video", "--input", "video.jsonl");
        List<JsonNode> videos = p.rows("video");
        assertThat(UserProject.ids(videos)).containsExactly(1L, 2L, 3L);
        assertThat(videos.get(0).get("path").asText()).endsWith(".mp4");

        // the downstream feature: all missing, resolved, written, then in sync
        JsonNode before = p.status("video/faces");
        assertThat(before.get("missing").asInt()).as(before.toString()).isEqualTo(3);
        p.ok("metadata", "resolve", "video/faces", "--format", "jsonl", "--output", "inc");
        p.ok("metadata", "write", "video/faces", "--input", "inc/new.jsonl");
        JsonNode synced = p.status("video/faces");
        assertThat(synced.get("store_rows").asInt()).as(synced.toString()).isEqualTo(3);
        assertThat(synced.get("missing").asInt() + synced.get("stale").asInt() + synced.get("orphaned").asInt()).isZero();
        assertThat(p.run("metadata", "status", "--all-features", "--assert-in-sync").exitCode()).isZero();

        // new frames for sample 2: faces is stale there, only there
        p.write("video2.jsonl", "{\"sample_uid\": 2, \"path\": \"v2.mp4\", "
            + "\"metaxy_provenance_by_field\": {\"audio\": \"v1-a2\", \"frames\": \"v2-f2\"}}\n");
        p.ok("metadata", "write", "video", "--input", "video2.jsonl");
        JsonNode stale = p.json("metadata", "resolve", "video/faces");
        assertThat(stale.get("new")).isEmpty();
        assertThat(stale.get("stale")).hasSize(1);
        assertThat(stale.get("stale").get(0).get("sample_uid").asLong()).isEqualTo(2L);
        assertThat(p.run("metadata", "status", "video/faces", "--assert-in-sync").exitCode()).isNotZero();
        p.ok("metadata", "resolve", "video/faces", "--format", "jsonl", "--output", "inc2");
        p.ok("metadata", "write", "video/faces", "--input", "inc2/stale.jsonl");
        assertThat(p.run("metadata", "status", "video/faces", "--assert-in-sync").exitCode()).isZero();

        // soft delete upstream: the sample disappears from reads and is orphaned downstream
        p.ok("metadata", "delete", "video", "--filter", "sample_uid = 3");
        assertThat(UserProject.ids(p.rows("video"))).containsExactly(1L, 2L);
        assertThat(UserProject.ids(p.rows("video", "--include-soft-deleted"))).containsExactly(1L, 2L, 3L);
        JsonNode orphaned = p.json("metadata", "resolve", "video/faces");
        assertThat(orphaned.get("orphaned")).hasSize(1);
        assertThat(orphaned.get("orphaned").get(0).get("sample_uid").asLong()).isEqualTo(3L);

        // hard delete downstream: the rows are gone, history included
        p.ok("metadata", "delete", "video/faces", "--filter", "sample_uid = 3", "--hard");
        assertThat(UserProject.ids(p.rows("video/faces", "--with-sample-history"))).doesNotContain(3L);
        assertThat(UserProject.ids(p.rows("video/faces"))).containsExactly(1L, 2L);

        // a code change of faces: no rows of the new version until they are rebased from the old one
        String oldVersion = p.featureVersion("video/faces");
        p.write("features.json", UserProject.features("2"));
        assertThat(p.featureVersion("video/faces")).isNotEqualTo(oldVersion);
        assertThat(p.rows("video/faces")).isEmpty();
        p.ok("metadata", "rebase", "video/faces", "--from", oldVersion);
        assertThat(UserProject.ids(p.rows("video/faces"))).containsExactly(1L, 2L);
        JsonNode rebased = p.status("video/faces");
        assertThat(rebased.get("missing").asInt() + rebased.get("stale").asInt()).as(rebased.toString()).isZero();

        // the code change, pushed: the two snapshots differ in faces only
        String changed = p.ok("push").trim();
        JsonNode diff = p.json("graph-diff", "render", version, changed, "--format", "json");
        assertThat(diff.get("nodes").get("video/faces").get("status").asText()).as(diff.toString()).isEqualTo("changed");
        assertThat(diff.get("nodes").get("video").get("status").asText()).isEqualTo("unchanged");
        assertThat(p.ok("graph-diff", "render", version)).contains("~ video/faces (changed)");

        // copy every feature to the other store
        p.ok("metadata", "copy", "--all-features", "--from", "dev", "--to", "other");
        assertThat(UserProject.ids(p.rows("video", "--store", "other"))).containsExactly(1L, 2L);
        assertThat(UserProject.ids(p.rows("video/faces", "--store", "other"))).containsExactly(1L, 2L);
    }
}
