package dev.metaxy.cli.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metaxy.cli.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopyCommandTest {
    @TempDir
    Path dir;

    private MetadataProject populated() {
        MetadataProject p = new MetadataProject(dir);
        p.writeRaw("a", "b", "c");
        p.materializeClean("dev");
        return p;
    }

    @Test
    void copiesFeaturesKeepingTheirVersions() {
        MetadataProject p = populated();
        CliRun.Result r = p.run("metadata", "copy", "video/raw", "video/clean", "--from", "dev", "--to", "prod");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("✓ Copy complete: 2 feature(s), 6 row(s) copied\n");
        assertThat(p.count("prod", "video/raw")).isEqualTo(3);
        assertThat(p.count("prod", "video/clean")).isEqualTo(3);
        CliRun.Result status = p.run("metadata", "status", "video/clean", "--store", "prod", "--format", "json");
        assertThat(status.out()).contains("\"status\": \"up_to_date\"");
    }

    @Test
    void filtersApplyToEveryFeatureAndAllFeaturesSkipsEmptyOnes() {
        MetadataProject p = populated();
        CliRun.Result r = p.run("metadata", "copy", "--all-features", "--from", "dev", "--to", "prod", "--filter", "sample_uid = 's1'");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("✓ Copy complete: 2 feature(s), 2 row(s) copied");
        assertThat(r.err()).contains("Warning: Feature logs not found in source store, skipping");
        assertThat(p.rows("prod", "video/raw")).extracting(m -> m.get("sample_uid")).containsExactly("s1");
    }

    @Test
    void selectionAndArgumentErrors() {
        MetadataProject p = populated();
        CliRun.Result noTo = p.run("metadata", "copy", "video/raw", "--from", "dev");
        assertThat(noTo.exitCode()).isEqualTo(1);
        assertThat(noTo.err()).contains("Missing required option: '--to=STORE'");
        CliRun.Result nothing = p.run("metadata", "copy", "--from", "dev", "--to", "prod");
        assertThat(nothing.exitCode()).isEqualTo(1);
        assertThat(nothing.err()).contains("Error: Must specify either --all-features or feature arguments");
        CliRun.Result unknown = p.run("metadata", "copy", "nope/x", "--from", "dev", "--to", "prod");
        assertThat(unknown.exitCode()).isZero();
        assertThat(unknown.err()).contains("Warning: Feature(s) not found: nope/x").contains("Warning: No valid features to copy.");
        assertThat(unknown.out()).isEmpty();
        CliRun.Result badStore = p.run("metadata", "copy", "video/raw", "--from", "dev", "--to", "nowhere");
        assertThat(badStore.exitCode()).isEqualTo(1);
        assertThat(badStore.err()).startsWith("Error: ").contains("nowhere");
        CliRun.Result badFilter = p.run("metadata", "copy", "video/raw", "--from", "dev", "--to", "prod", "--filter", "x = 1; DROP TABLE t");
        assertThat(badFilter.exitCode()).isEqualTo(1);
        assertThat(badFilter.err()).startsWith("Invalid filter syntax: ");
        assertThat(p.count("prod", "video/raw")).isZero();
    }
}
