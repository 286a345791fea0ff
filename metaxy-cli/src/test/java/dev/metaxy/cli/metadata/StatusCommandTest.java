package dev.metaxy.cli.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metaxy.cli.CliRun;
import dev.metaxy.cli.JsonOutput;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusCommandTest {
    @TempDir
    Path dir;

    private static JsonNode json(CliRun.Result r) throws Exception {
        return JsonOutput.mapper().readTree(r.out());
    }

    @Test
    void upToDateFeatureAsJson() throws Exception {
        MetadataProject p = new MetadataProject(dir);
        p.writeRaw("debug", "info", "warn");
        p.materializeClean("dev");
        CliRun.Result r = p.run("metadata", "status", "video/clean", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode root = json(r);
        assertThat(root.get("project_version").isNull()).isTrue();
        assertThat(root.get("needs_update").asBoolean()).isFalse();
        JsonNode f = root.get("features").get("video/clean");
        assertThat(f.get("feature_key").asText()).isEqualTo("video/clean");
        assertThat(f.get("status").asText()).isEqualTo("up_to_date");
        assertThat(f.get("store_rows").asInt()).isEqualTo(3);
        assertThat(f.get("missing").asInt()).isZero();
        assertThat(f.get("stale").asInt()).isZero();
        assertThat(f.get("orphaned").asInt()).isZero();
        assertThat(f.get("metadata_exists").asBoolean()).isTrue();
        assertThat(f.get("is_root_feature").asBoolean()).isFalse();
        assertThat(f.get("target_version").asText()).isNotEmpty();
        assertThat(f.get("store_metadata").get("name").asText()).isEqualTo("dev");
        assertThat(f.has("error_message")).isFalse();
        assertThat(root.has("warnings")).isFalse();
        assertThat(r.out()).contains("\"store_rows\": 3");
    }

    @Test
    void missingMetadataAsTableAndAssertInSyncFails() {
        MetadataProject p = new MetadataProject(dir);
        p.writeRaw("debug", "info", "warn");
        CliRun.Result r = p.run("metadata", "status", "video/clean");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Status").contains("Materialized").contains("video/clean").contains("✗");
        assertThat(r.out().lines().filter(l -> l.contains("video/clean")).findFirst().orElseThrow())
            .matches("✗\\s+video/clean\\s+0\\s+3\\s+0\\s+0.*");
        CliRun.Result strict = p.run("metadata", "status", "video/clean", "--assert-in-sync");
        assertThat(strict.exitCode()).isEqualTo(1);
        CliRun.Result json = p.run("metadata", "status", "video/clean", "--format", "json");
        assertThat(json.out()).contains("\"status\": \"missing\"").contains("\"missing\": 3").contains("\"needs_update\": true");
    }

    @Test
    void rootFeatureOmitsCountsAndStaleIfMarksSamplesStale() throws Exception {
        MetadataProject p = new MetadataProject(dir);
        p.writeRaw("debug", "info", "warn");
        p.materializeClean("dev");
        JsonNode all = json(p.run("metadata", "status", "--all-features", "--format", "json"));
        assertThat(all.get("features").fieldNames()).toIterable().containsExactly("video/raw", "video/clean", "logs");
        JsonNode raw = all.get("features").get("video/raw");
        assertThat(raw.get("status").asText()).isEqualTo("root_feature");
        assertThat(raw.has("missing")).isFalse();
        assertThat(raw.get("is_root_feature").asBoolean()).isTrue();
        assertThat(all.get("features").get("logs").get("status").asText()).isEqualTo("missing");
        CliRun.Result stale = p.run("metadata", "status", "video/clean", "--stale-if", "sample_uid = 's2'", "--format", "json",
            "--assert-in-sync");
        assertThat(stale.exitCode()).isEqualTo(1);
        assertThat(json(stale).get("features").get("video/clean").get("stale").asInt()).isEqualTo(1);
    }

    @Test
    void filtersRestrictCountsAndProgressIsShown() throws Exception {
        MetadataProject p = new MetadataProject(dir);
        p.writeRaw("debug", "info", "warn");
        JsonNode f = json(p.run("metadata", "status", "video/clean", "--global-filter", "sample_uid IN ('s1', 's2')",
            "--format", "json", "--progress")).get("features").get("video/clean");
        assertThat(f.get("missing").asInt()).isEqualTo(2);
        assertThat(f.get("progress_percentage").asDouble()).isZero();
        p.materializeClean("dev");
        CliRun.Result plain = p.run("metadata", "status", "video/clean", "--progress");
        assertThat(plain.out()).contains("✓ (100%)");
    }

    @Test
    void verbosePrintsSamplePreviews() {
        MetadataProject p = new MetadataProject(dir);
        p.writeRaw("debug", "info");
        CliRun.Result r = p.run("metadata", "status", "video/clean", "--verbose");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("`video/clean` preview").contains("Missing samples:").contains("sample_uid").contains("s2");
    }

    @Test
    void unknownFeaturesWarnOrFail() throws Exception {
        MetadataProject p = new MetadataProject(dir);
        CliRun.Result warn = p.run("metadata", "status", "video/raw", "nope/x");
        assertThat(warn.exitCode()).isZero();
        assertThat(warn.err()).contains("Warning: Feature(s) not found: nope/x");
        JsonNode j = json(p.run("metadata", "status", "nope/x", "--format", "json"));
        assertThat(j.get("warning").asText()).isEqualTo("No valid features to check");
        assertThat(j.get("needs_update").asBoolean()).isFalse();
        CliRun.Result strict = p.run("metadata", "status", "nope/x", "--assert-in-sync", "--format", "json");
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(json(strict).get("error").asText()).isEqualTo("FEATURES_NOT_FOUND");
        assertThat(json(strict).get("features").get(0).asText()).isEqualTo("nope/x");
    }

    @Test
    void selectionErrorsAreStructured() throws Exception {
        MetadataProject p = new MetadataProject(dir);
        CliRun.Result none = p.run("metadata", "status");
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.err()).isEqualTo("Error: Must specify either --all-features or feature arguments\n");
        CliRun.Result both = p.run("metadata", "status", "video/raw", "--all-features", "--format", "json");
        assertThat(both.exitCode()).isEqualTo(1);
        assertThat(json(both).get("error").asText()).isEqualTo("CONFLICTING_FLAGS");
        CliRun.Result bad = p.run("metadata", "status", "Bad Key!", "--format", "json");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(json(bad).get("error").asText()).isEqualTo("INVALID_FEATURE_KEY");
    }

    @Test
    void badFilterIsOneErrorLine() {
        MetadataProject p = new MetadataProject(dir);
        for (String filter : new String[] {"x = 1; DROP TABLE t", "sample_uid = ", "level ==== 'x'"}) {
            CliRun.Result r = p.run("metadata", "status", "video/clean", "--filter", filter);
            assertThat(r.exitCode()).as(filter).isEqualTo(1);
            assertThat(r.err()).as(filter).startsWith("Invalid filter syntax: ");
            assertThat(r.err().strip().lines()).as(filter).hasSize(1);
        }
    }

    @Test
    void formatFromTheEnvironment() {
        MetadataProject p = new MetadataProject(dir);
        CliRun.Result r = new CliRun(dir).env("METAXY_METADATA_STATUS_FORMAT", "json").run("metadata", "status", "logs");
        assertThat(r.out()).startsWith("{");
    }
}
