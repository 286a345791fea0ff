package dev.metaxy.cli.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metaxy.cli.CliRun;
import dev.metaxy.cli.JsonOutput;
import dev.metaxy.definition.FeatureSpec;
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
    void unknownVersionOrFeatureAbsentFromTheStoreRebasesNothing() {
        MetadataProject p = new MetadataProject(dir);
        p.writeRaw("a");
        p.materializeClean("dev");
        CliRun.Result none = p.run("metadata", "rebase", "video/clean", "--from", "deadbeef");
        assertThat(none.exitCode()).isZero();
        assertThat(none.err()).contains("Rebased 0 row(s)");
        CliRun.Result absent = p.run("metadata", "rebase", "logs", "--from", "deadbeef");
        assertThat(absent.err()).contains("Warning: Feature 'logs' not found in store.").contains("Rebased 0 row(s)");
        assertThat(p.rawRows("dev", "video/clean")).isEqualTo(1);
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
