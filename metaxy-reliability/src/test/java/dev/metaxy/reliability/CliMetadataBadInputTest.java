package dev.metaxy.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metaxy.definition.DefinitionJson;
import dev.metaxy.frame.Frame;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.Increment;
import dev.metaxy.store.MetadataStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Part 3 of the reliability issue, {@code metaxy metadata} half: bad input files, filters (malformed and hostile),
 * hard deletes without filters, unknown versions, features and stores, through the CLI against a project whose
 * default store is each store kind in turn. Every case exits 1 with a message naming the problem, and the store's
 * tables and row counts are unchanged.
 */
class CliMetadataBadInputTest {
    @TempDir
    static Path tmp;

    @AfterAll
    static void noLeakedArrowMemory() {
        Hygiene.assertNoArrowMemory();
    }

    /** args (files are relative to the project directory), and a fragment of the error output. */
    record Case(String name, String message, String... args) {
    }

    static final Map<String, String> FILES = new LinkedHashMap<>();

    static {
        FILES.put("rows.txt", "sample_uid,batch\n1,2\n");
        FILES.put("rows.json", "[{\"sample_uid\": 1}]");
        FILES.put("rows.xlsx", "PK\u0003\u0004 not really a spreadsheet");
        FILES.put("noext", "sample_uid\n1\n");
        FILES.put("empty.jsonl", "");
        FILES.put("empty.csv", "");
        FILES.put("empty.parquet", "");
        FILES.put("text.parquet", "this is not parquet");
        FILES.put("truncated.parquet", "PAR1\u0000\u0000\u0000");
        FILES.put("broken.jsonl", "{\"sample_uid\": 1, \"metaxy_provenance_by_field\": {\"value\": \"p\"}\n");
        FILES.put("notjson.jsonl", "sample_uid=1\n");
        FILES.put("noprov.jsonl", "{\"sample_uid\": 901, \"batch\": 1}\n");
        FILES.put("nullid.jsonl", "{\"sample_uid\": null, \"metaxy_provenance_by_field\": {\"value\": \"p\"}}\n");
        FILES.put("misspelled.jsonl", "{\"sample_id\": 901, \"metaxy_provenance_by_field\": {\"value\": \"p\"}}\n");
        FILES.put("wrongfield.jsonl", "{\"sample_uid\": 901, \"metaxy_provenance_by_field\": {\"valeu\": \"p\"}}\n");
        FILES.put("pbfstring.jsonl", "{\"sample_uid\": 901, \"metaxy_provenance_by_field\": \"p\"}\n");
        FILES.put("notobject.csv", "sample_uid,metaxy_provenance_by_field\n901,p9\n");
        FILES.put("headeronly.csv", "sample_uid,metaxy_provenance_by_field\n");
        FILES.put("wrongtype.jsonl", "{\"sample_uid\": \"abc\", \"metaxy_provenance_by_field\": {\"value\": \"p\"}}\n");
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        c.add(new Case("input .txt", "Unsupported", "metadata", "write", "rel/raw", "--input", "rows.txt"));
        c.add(new Case("input .json", "Unsupported", "metadata", "write", "rel/raw", "--input", "rows.json"));
        c.add(new Case("input .xlsx", "Unsupported", "metadata", "write", "rel/raw", "--input", "rows.xlsx"));
        c.add(new Case("input without extension", "Unsupported", "metadata", "write", "rel/raw", "--input", "noext"));
        c.add(new Case("empty JSON Lines file", "Input file is empty", "metadata", "write", "rel/raw", "--input", "empty.jsonl"));
        c.add(new Case("empty CSV file", "Input file is empty", "metadata", "write", "rel/raw", "--input", "empty.csv"));
        c.add(new Case("empty Parquet file", "Input file is empty", "metadata", "write", "rel/raw", "--input", "empty.parquet"));
        c.add(new Case("text in a .parquet file", "Cannot read", "metadata", "write", "rel/raw", "--input", "text.parquet"));
        c.add(new Case("truncated Parquet file", "Cannot read", "metadata", "write", "rel/raw", "--input", "truncated.parquet"));
        c.add(new Case("malformed JSON line", "Error", "metadata", "write", "rel/raw", "--input", "broken.jsonl"));
        c.add(new Case("not JSON at all", "Error", "metadata", "write", "rel/raw", "--input", "notjson.jsonl"));
        c.add(new Case("missing input file", "No such file", "metadata", "write", "rel/raw", "--input", "missing.parquet"));
        c.add(new Case("directory as input", "Error", "metadata", "write", "rel/raw", "--input", "."));
        c.add(new Case("no provenance column", "must have 'metaxy_provenance_by_field'", "metadata", "write", "rel/raw", "--input", "noprov.jsonl"));
        c.add(new Case("no provenance for a non-root feature", "must have 'metaxy_provenance_by_field'", "metadata", "write",
            "rel/derived", "--input", "noprov.jsonl"));
        c.add(new Case("null id", "id column 'sample_uid' contains nulls", "metadata", "write", "rel/raw", "--input", "nullid.jsonl"));
        c.add(new Case("misspelled id column", "lacks id column 'sample_uid'", "metadata", "write", "rel/raw", "--input", "misspelled.jsonl"));
        c.add(new Case("mismatched by-field keys", "has no entry for field 'value'", "metadata", "write", "rel/raw", "--input", "wrongfield.jsonl"));
        c.add(new Case("by-field value not an object", "metaxy_provenance_by_field", "metadata", "write", "rel/raw", "--input", "pbfstring.jsonl"));
        c.add(new Case("CSV by-field cell not JSON", "expected a JSON object keyed by field", "metadata", "write", "rel/raw", "--input", "notobject.csv"));
        c.add(new Case("id of the wrong type", "sample_uid", "metadata", "write", "rel/raw", "--input", "wrongtype.jsonl"));
        c.add(new Case("write to an unknown feature", "not found", "metadata", "write", "rel/nope", "--input", "noprov.jsonl"));
        c.add(new Case("write to an invalid key", "invalid", "metadata", "write", "Rel/Raw", "--input", "noprov.jsonl"));
        c.add(new Case("write to an unknown store", "nope", "metadata", "write", "rel/raw", "--input", "noprov.jsonl", "--store", "nope"));
        c.add(new Case("hard delete without filters", "requires --yes", "metadata", "delete", "rel/raw", "--hard"));
        c.add(new Case("hard delete of all features without filters", "requires --yes", "metadata", "delete", "--all-features", "--hard"));
        // (rebase --from a version with no rows rebases 0 rows and exits 0, like the reference)
        c.add(new Case("rebase between unknown versions", "has no rows of version 'deadbeef'", "metadata", "rebase", "rel/derived", "--from", "deadbeef", "--to", "cafebabe"));
        List<String> filters = List.of("sample_uid = 1; DROP TABLE rel__raw", "x = 1; DROP TABLE t", "sample_uid = 1 -- comment",
            "sample_uid = 1 /* c */", "sample_uid IN (SELECT sample_uid FROM rel__raw)", "lower(sample_uid) = 'a'",
            "sample_uid = ", "nope = 1");
        for (String f : filters) {
            c.add(new Case("hard delete --filter \"" + f + "\"", f.startsWith("nope") ? "nope" : "Invalid filter",
                "metadata", "delete", "rel/raw", "--hard", "--yes", "--filter", f));
            c.add(new Case("soft delete --filter \"" + f + "\"", f.startsWith("nope") ? "nope" : "Invalid filter",
                "metadata", "delete", "rel/raw", "--filter", f));
            c.add(new Case("read --filter \"" + f + "\"", f.startsWith("nope") ? "nope" : "Invalid filter",
                "metadata", "read", "rel/raw", "--filter", f));
            c.add(new Case("status --global-filter \"" + f + "\"", f.startsWith("nope") ? "nope" : "Invalid filter",
                "metadata", "status", "rel/derived", "--global-filter", f));
        }
        return c;
    }

    static String config(StoreKind kind, String location) {
        return "project = \"rel\"\nstore = \"dev\"\nentrypoints = [\"features.json\"]\nauto_create_tables = true\n\n[stores.dev]\n"
            + kind.cliStoreToml(location);
    }

    @TestFactory
    Stream<DynamicNode> everyBadMetadataCommandFailsCleanlyAndWritesNothing() throws Exception {
        List<DynamicNode> out = new ArrayList<>();
        for (StoreKind kind : StoreKind.selected()) {
            Path dir = Files.createDirectories(tmp.resolve(kind.label()));
            String location = kind.newLocation(dir);
            DefinitionJson.writeFile(dir.resolve("features.json"), List.of(Fixtures.RAW, Fixtures.DERIVED));
            Files.writeString(dir.resolve("metaxy.toml"), config(kind, location));
            for (Map.Entry<String, String> f : FILES.entrySet()) {
                Files.writeString(dir.resolve(f.getKey()), f.getValue());
            }
            List<DynamicNode> tests = new ArrayList<>();
            boolean[] seeded = {false};
            for (Case c : cases()) {
                tests.add(DynamicTest.dynamicTest(c.name(), () -> {
                    if (!seeded[0]) {
                        seeded[0] = true;
                        try (MetadataStore s = kind.build(Fixtures.graph(), location).open(AccessMode.WRITE)) {
                            BadInputCatalogueTest.seed(s);
                        }
                    }
                    TableCensus before = census(kind, location);
                    CliBadInputTest.Result r = CliBadInputTest.cli(dir, Map.of(), c.args());
                    // status reports a failing feature in its table and with one error line, and exits 1 (no traceback)
                    assertThat(r.code()).as(c.name() + "\n" + r.all()).isEqualTo(1);
                    assertThat(r.all()).as(c.name()).contains(c.message());
                    assertThat(r.all()).as(c.name()).doesNotContain("\tat ");
                    assertThat(census(kind, location)).as(c.name() + ": tables, row counts and versions unchanged").isEqualTo(before);
                    assertThat(before.rows()).containsEntry("rel__raw", 10L);
                }));
            }
            out.add(DynamicContainer.dynamicContainer(kind.label(), tests));
        }
        return out.stream();
    }

    static TableCensus census(StoreKind kind, String location) {
        try (MetadataStore s = kind.build(Fixtures.graph(), location).open(AccessMode.READ)) {
            return kind.census(s, location);
        }
    }
}
