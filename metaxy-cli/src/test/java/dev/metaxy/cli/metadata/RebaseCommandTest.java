package dev.metaxy.cli.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metaxy.cli.CliRun;
import dev.metaxy.cli.JsonOutput;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.store.AccessMode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RebaseCommandTest {
    static final FeatureSpec CLEAN_V2 = FeatureSpec.builder("video/clean").idColumns("sample_uid").dependsOn(MetadataProject.RAW)
        .field("default", "2").build();

    @TempDir
    Path dir;

    private static JsonNode clean(MetadataProject p) throws Exception {
        return JsonOutput.mapper().readTree(p.run("metadata", "status", "video/clean", "--format", "json").out())
            .get("features").get("video/clean");
    }

    @Test
    void rebasesRowsOfAnOldVersionOntoTheCurrentOne() throws Exception {
        MetadataProject p = new MetadataProject(dir);
        p.writeRaw("a", "b", "c");
        p.materializeClean("dev");
        String v1 = clean(p).get("target_version").asText();
        p.features(MetadataProject.RAW, CLEAN_V2, MetadataProject.LOGS);
        assertThat(clean(p).get("missing").asInt()).isEqualTo(3);

        CliRun.Result dry = p.run("metadata", "rebase", "video/clean", "--from", v1, "--dry-run");
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.err()).isEqualTo("Dry run: 3 row(s) would be rebased\n");
        assertThat(clean(p).get("store_rows").asInt()).isZero();

        CliRun.Result r = p.run("metadata", "rebase", "video/clean", "--from", v1);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEqualTo("✓ Rebased 3 row(s)\n");
        JsonNode after = clean(p);
        assertThat(after.get("status").asText()).isEqualTo("up_to_date");
        assertThat(after.get("store_rows").asInt()).isEqualTo(3);
        assertThat(after.get("target_version").asText()).isNotEqualTo(v1);
    }

    @Test
    void unknownVersionIsAnErrorListingTheStoredVersions() throws Exception {
        MetadataProject p = new MetadataProject(dir);
        p.writeRaw("a", "b");
        p.materializeClean("dev");
        String v1 = clean(p).get("target_version").asText();
        p.features(MetadataProject.RAW, CLEAN_V2, MetadataProject.LOGS);
        p.materializeClean("dev");
        String v2 = clean(p).get("target_version").asText();
        for (String dry : new String[] {"--dry-run=false", "--dry-run"}) {
            CliRun.Result none = p.run("metadata", "rebase", "video/clean", "--from", "deadbeef", dry);
            assertThat(none.exitCode()).isEqualTo(1);
            assertThat(none.err()).isEqualTo("Error: Feature 'video/clean' has no rows of version 'deadbeef' in store 'dev'; "
                + "stored versions: " + v2 + " (2 rows), " + v1 + " (2 rows)\n");
        }
        assertThat(p.rawRows("dev", "video/clean")).isEqualTo(4);
    }

    @Test
    void statusVersionsListsTheStoredVersionsWithRowCounts() throws Exception {
        MetadataProject p = new MetadataProject(dir);
        p.writeRaw("a", "b", "c");
        p.materializeClean("dev");
        String v1 = clean(p).get("target_version").asText();
        p.features(MetadataProject.RAW, CLEAN_V2, MetadataProject.LOGS);
        p.writeRaw("a");
        p.materializeClean("dev");
        String v2 = clean(p).get("target_version").asText();

        CliRun.Result plain = p.run("metadata", "status", "video/clean", "logs", "--versions");
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        String table = plain.out().substring(plain.out().indexOf("Stored versions"));
        assertThat(table.lines().toList()).containsExactly("Stored versions",
            "Feature      Version   Rows  Current",
            "-----------  --------  ----  -------",
            "video/clean  " + v2 + "  3     ✓",
            "video/clean  " + v1 + "  3",
            "logs         -         0     -");

        JsonNode json = JsonOutput.mapper().readTree(p.run("metadata", "status", "video/clean", "--versions", "--format", "json").out());
        JsonNode versions = json.get("features").get("video/clean").get("stored_versions");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("feature_version").asText()).isEqualTo(v2);
        assertThat(versions.get(0).get("rows").asLong()).isEqualTo(3);
        assertThat(versions.get(0).get("current").asBoolean()).isTrue();
        assertThat(versions.get(1).get("feature_version").asText()).isEqualTo(v1);
        assertThat(versions.get(1).get("current").asBoolean()).isFalse();
        assertThat(clean(p).has("stored_versions")).isFalse();
    }

    @Test
    void featureAbsentFromTheStoreIsAnError() {
        MetadataProject p = new MetadataProject(dir);
        CliRun.Result absent = p.run("metadata", "rebase", "video/clean", "--from", "deadbeef");
        assertThat(absent.exitCode()).isEqualTo(1);
        assertThat(absent.err()).isEqualTo("Error: Feature 'video/clean' has no metadata in store 'dev': nothing to rebase\n");
        assertThat(p.<Boolean>withStore("dev", AccessMode.READ, s -> s.hasFeature("video/clean"))).isFalse();
    }

    @Test
    void argumentErrors() {
        MetadataProject p = new MetadataProject(dir);
        CliRun.Result noFrom = p.run("metadata", "rebase", "video/clean");
        assertThat(noFrom.exitCode()).isEqualTo(1);
        assertThat(noFrom.err()).contains("Missing required option: '--from=VERSION'");
        CliRun.Result unknown = p.run("metadata", "rebase", "nope/x", "--from", "v");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("Error: Feature 'nope/x' not found in graph\n");
        p.writeRaw("a");
        CliRun.Result root = p.run("metadata", "rebase", "video/raw", "--from", "v");
        assertThat(root.exitCode()).isEqualTo(1);
        assertThat(root.err()).startsWith("Error: Cannot rebase root feature video/raw.");
        assertThat(p.rawRows("dev", "video/raw")).isEqualTo(1);
    }
}
