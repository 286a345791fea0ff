package dev.metaxy.cli.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metaxy.cli.CliRun;
import dev.metaxy.cli.JsonOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadCommandTest {
    @TempDir
    Path dir;
    MetadataProject p;

    @BeforeEach
    void setUp() {
        p = new MetadataProject(dir);
        p.writeRoot("dev", "logs", "level", "debug", "info", "warn");
    }

    @Test
    void jsonIsAnArrayOfRowObjectsWithIsoTimestamps() throws Exception {
        CliRun.Result r = p.run("metadata", "read", "logs", "--format", "json", "--filter", "level != 'warn'");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode rows = JsonOutput.mapper().readTree(r.out());
        assertThat(rows.isArray()).isTrue();
        assertThat(rows).hasSize(2);
        JsonNode row = rows.get(0);
        assertThat(row.get("metaxy_provenance_by_field").isObject()).isTrue();
        assertThat(row.get("metaxy_provenance_by_field").get("level").asText()).startsWith("p");
        assertThat(row.get("metaxy_created_at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.*");
        assertThat(row.get("metaxy_deleted_at").isNull()).isTrue();
        assertThat(row.get("metaxy_feature_version").asText()).isNotEmpty();
    }

    @Test
    void jsonLinesByDefaultToStdoutOrAFile() throws Exception {
        CliRun.Result r = p.run("metadata", "read", "logs");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines()).hasSize(3).allSatisfy(l -> assertThat(l).startsWith("{\"sample_uid\":"));
        CliRun.Result toFile = p.run("metadata", "read", "logs", "--output", "out.jsonl");
        assertThat(toFile.out()).isEmpty();
        assertThat(toFile.err()).isEqualTo("✓ Wrote 3 row(s) to out.jsonl\n");
        assertThat(Files.readAllLines(dir.resolve("out.jsonl"))).hasSize(3);
    }

    @Test
    void rowsComeOrderedByIdUnlessNoSort() throws Exception {
        for (String level : new String[] {"e", "a", "d", "c", "b", "f"}) {
            p.writeRoot("dev", "logs", "level", level, level, level, level, level, level, level, level, level, level);
        }
        CliRun.Result first = p.run("metadata", "read", "logs");
        assertThat(first.exitCode()).as(first.err()).isZero();
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (String line : first.out().split("\n")) {
            ids.add(JsonOutput.mapper().readTree(line).get("sample_uid").asText());
        }
        assertThat(ids).hasSize(10).isSorted();
        assertThat(p.run("metadata", "read", "logs").out()).isEqualTo(first.out());
        CliRun.Result unsorted = p.run("metadata", "read", "logs", "--no-sort");
        assertThat(unsorted.out().lines()).hasSize(10);
    }

    @Test
    void softDeletedRowsOnlyOnRequest() {
        p.run("metadata", "delete", "logs", "--filter", "level = 'debug'");
        assertThat(p.run("metadata", "read", "logs").out().lines()).hasSize(2);
        assertThat(p.run("metadata", "read", "logs", "--include-soft-deleted").out().lines()).hasSize(3);
        assertThat(p.run("metadata", "read", "logs", "--with-sample-history", "--include-soft-deleted").out().lines()).hasSize(4);
    }

    @Test
    void errors() {
        CliRun.Result parquet = p.run("metadata", "read", "logs", "--format", "parquet");
        assertThat(parquet.exitCode()).isEqualTo(1);
        assertThat(parquet.err()).isEqualTo("Error: --format parquet needs --output FILE\n");
        CliRun.Result hostile = p.run("metadata", "read", "logs", "--filter", "x = 1; DROP TABLE t");
        assertThat(hostile.exitCode()).isEqualTo(1);
        assertThat(hostile.err()).startsWith("Invalid filter syntax: ");
        assertThat(hostile.out()).isEmpty();
        CliRun.Result column = p.run("metadata", "read", "logs", "--filter", "nope = 1");
        assertThat(column.exitCode()).isEqualTo(1);
        assertThat(column.err()).startsWith("Error: ").contains("nope");
        CliRun.Result absent = p.run("metadata", "read", "video/raw");
        assertThat(absent.exitCode()).isEqualTo(1);
        assertThat(absent.err()).isEqualTo("Error: Feature video/raw not found in store or fallback stores\n".replace(" or fallback stores", ""));
        CliRun.Result unknown = p.run("metadata", "read", "nope/x");
        assertThat(unknown.err()).isEqualTo("Error: Feature 'nope/x' not found in graph\n");
        assertThat(p.rawRows("dev", "logs")).isEqualTo(3);
    }
}
