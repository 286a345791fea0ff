package dev.metaxy.cli.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metaxy.cli.CliRun;
import dev.metaxy.store.ReadOptions;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeleteCommandTest {
    @TempDir
    Path dir;
    MetadataProject p;

    @BeforeEach
    void setUp() {
        p = new MetadataProject(dir);
        p.writeRoot("dev", "logs", "level", "debug", "info", "warn");
    }

    private long all() {
        return p.count("dev", "logs", ReadOptions.defaults().includeSoftDeleted());
    }

    @Test
    void softDeleteWithFilterWritesTombstones() {
        CliRun.Result r = p.run("metadata", "delete", "logs", "--filter", "level = 'debug'", "--soft");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEqualTo("  • logs: 1 row(s) soft-deleted\n✓ Deletion complete (soft delete): 1 row(s) in 1 feature(s)\n");
        assertThat(p.rows("dev", "logs")).extracting(m -> m.get("level")).containsExactlyInAnyOrder("info", "warn");
        assertThat(all()).isEqualTo(3);
    }

    @Test
    void hardDeleteWithSeveralFiltersAndTheGuideSyntax() {
        CliRun.Result r = p.run("metadata", "delete", "--feature", "logs", "--filter", "level != 'warn'", "--filter",
            "sample_uid = 's1'", "--soft=false");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("(hard delete)");
        assertThat(p.rows("dev", "logs")).extracting(m -> m.get("sample_uid")).containsExactlyInAnyOrder("s2", "s3");
        assertThat(p.rawRows("dev", "logs")).isEqualTo(2);
    }

    @Test
    void hardDeleteWithoutFilterNeedsYes() {
        for (String[] args : new String[][] {{"--hard"}, {"--soft=false"}, {"--soft", "false"}}) {
            String[] full = new String[3 + args.length];
            full[0] = "metadata";
            full[1] = "delete";
            full[2] = "logs";
            System.arraycopy(args, 0, full, 3, args.length);
            CliRun.Result r = p.run(full);
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.err()).startsWith("Error: Hard deleting all metadata requires --yes flag to prevent accidental deletion.")
                .contains("Hint: Use --yes to confirm, or provide --filter to restrict deletion.");
            assertThat(p.rawRows("dev", "logs")).isEqualTo(3);
        }
        CliRun.Result yes = p.run("metadata", "delete", "logs", "--hard", "--yes");
        assertThat(yes.exitCode()).as(yes.err()).isZero();
        assertThat(p.rawRows("dev", "logs")).isZero();
    }

    @Test
    void softDeleteWithoutFilterNeedsNoConfirmation() {
        CliRun.Result r = p.run("metadata", "delete", "logs");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(p.count("dev", "logs")).isZero();
        assertThat(all()).isEqualTo(3);
    }

    @Test
    void dryRunCountsWhatASoftDeleteThenDeletes() {
        CliRun.Result dry = p.run("metadata", "delete", "logs", "--filter", "level IN ('debug', 'info')", "--dry-run");
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.err()).contains("Dry run (soft delete, with_feature_history=no)").contains("Store: dev")
            .contains("Features (1):").contains("  • logs (2 rows)").contains("Total rows to delete: 2").contains("Filters:")
            .contains("level");
        assertThat(p.count("dev", "logs")).isEqualTo(3);
        p.run("metadata", "delete", "logs", "--filter", "level IN ('debug', 'info')");
        assertThat(p.count("dev", "logs")).isEqualTo(1);
        CliRun.Result none = p.run("metadata", "delete", "logs", "--dry-run", "--hard", "--yes");
        assertThat(none.err()).contains("(none)").contains("Total rows to delete: 1");
    }

    @Test
    void allFeaturesDeletesEachFeatureOfTheProject() {
        p.writeRaw("a", "b");
        CliRun.Result r = p.run("metadata", "delete", "--all-features", "--filter", "sample_uid = 's1'");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(p.count("dev", "logs")).isEqualTo(2);
        assertThat(p.count("dev", "video/raw")).isEqualTo(1);
    }

    @Test
    void errorsDeleteNothing() {
        CliRun.Result unknown = p.run("metadata", "delete", "nope/x");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("Warning: Feature(s) not found: nope/x")
            .contains("Error: No valid features selected for deletion.");
        CliRun.Result hostile = p.run("metadata", "delete", "logs", "--filter", "x = 1; DROP TABLE t", "--hard");
        assertThat(hostile.exitCode()).isEqualTo(1);
        assertThat(hostile.err()).startsWith("Invalid filter syntax: ");
        CliRun.Result unknownColumn = p.run("metadata", "delete", "logs", "--filter", "nope = 1", "--hard");
        assertThat(unknownColumn.exitCode()).isEqualTo(1);
        assertThat(unknownColumn.err()).contains("nope");
        CliRun.Result neither = p.run("metadata", "delete");
        assertThat(neither.exitCode()).isEqualTo(1);
        assertThat(neither.err()).contains("Must specify either --all-features or feature arguments");
        CliRun.Result hardMissingTable = p.run("metadata", "delete", "video/raw", "--filter", "level = 'x'", "--hard");
        assertThat(hardMissingTable.exitCode()).isEqualTo(1);
        assertThat(hardMissingTable.err()).contains("Error deleting video/raw: Feature video/raw not found in store");
        assertThat(p.rawRows("dev", "logs")).isEqualTo(3);
        assertThat(p.rows("dev", "logs")).allMatch((Map<String, Object> m) -> m.get("metaxy_deleted_at") == null);
    }

    @Test
    void deletedRowCountsPerFeatureAsJson() throws Exception {
        p.writeRaw("a", "b");
        CliRun.Result r = p.run("metadata", "delete", "logs", "video/raw", "--filter", "sample_uid != 's3'", "--hard",
            "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        com.fasterxml.jackson.databind.JsonNode json = dev.metaxy.cli.JsonOutput.mapper().readTree(r.out());
        assertThat(json.get("mode").asText()).isEqualTo("hard");
        assertThat(json.get("deleted").get("logs").asLong()).isEqualTo(2);
        assertThat(json.get("deleted").get("video/raw").asLong()).isEqualTo(2);
        assertThat(json.get("total").asLong()).isEqualTo(4);
        assertThat(json.get("errors").isEmpty()).isTrue();
        assertThat(all()).isEqualTo(1);
    }
}
