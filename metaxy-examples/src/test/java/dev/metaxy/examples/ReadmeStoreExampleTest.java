package dev.metaxy.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.FieldDep;
import dev.metaxy.duckdb.DuckDbMetadataStore;
import dev.metaxy.expr.Expressions;
import dev.metaxy.frame.Frame;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.DeleteOptions;
import dev.metaxy.store.Increment;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.ReadOptions;
import dev.metaxy.store.ResolveOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Using the DuckDB store" example, kept compiling, running and in sync with the README. */
class ReadmeStoreExampleTest {
    static final Path SOURCE = Path.of("src/test/java/dev/metaxy/examples/ReadmeStoreExampleTest.java");
    static final Path README = Path.of("../README.md");

    @Test
    void readmeStoreExampleRuns(@TempDir Path dir) {
        FeatureSpec video = FeatureSpec.builder("video")
            .idColumns("sample_uid")
            .field("audio", "1")
            .field("frames", "1")
            .build();
        FeatureSpec faces = FeatureSpec.builder("video/faces")
            .idColumns("sample_uid")
            .dependsOn(video)
            .field("faces", "2", FieldDep.on(video.key(), "frames"))
            .build();

        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            // ---- README snippet (verbatim) ----
            FeatureGraph graph = FeatureGraph.of(List.of(video, faces));
            DuckDbMetadataStore store = DuckDbMetadataStore.builder(graph)
                .database(dir.resolve("metadata.duckdb"))                    // a file, or ":memory:"
                .hashAlgorithm(HashAlgorithm.XXHASH64)                       // default: xxhash32
                .autoCreateTables(true)
                .build();

            try (MetadataStore s = store.open(AccessMode.WRITE)) {
                // Root feature: the caller gives the ids and the provenance of each field.
                List<Map<String, Object>> samples = List.of(
                    Map.of("sample_uid", 1L, "path", "s3://videos/1.mp4",
                        "metaxy_provenance_by_field", Map.of("audio", "a1", "frames", "f1")),
                    Map.of("sample_uid", 2L, "path", "s3://videos/2.mp4",
                        "metaxy_provenance_by_field", Map.of("audio", "a2", "frames", "f2")));
                try (Frame rows = Frame.fromRows(samples);
                     Increment inc = s.resolveUpdate("video", ResolveOptions.defaults().samples(rows))) {
                    s.write("video", inc.newSamples());                         // inc.stale() too, after a change
                }

                // Downstream feature: new / stale / orphaned samples are computed inside DuckDB.
                try (Increment inc = s.resolveUpdate("video/faces")) {
                    List<Map<String, Object>> results = new ArrayList<>();
                    for (Map<String, Object> r : inc.newSamples().toRows()) {
                        results.add(Map.of("sample_uid", r.get("sample_uid"), "num_faces", 3L,
                            "metaxy_provenance_by_field", r.get("metaxy_provenance_by_field")));
                    }
                    s.write("video/faces", results);
                }

                // Reads return the latest live row per sample of the current feature version.
                try (Frame found = s.read("video/faces", ReadOptions.defaults().filter("num_faces > 2")).collect()) {
                    System.out.println(found.rowCount() + " samples with faces");
                }

                // Soft delete (tombstones; DeleteOptions.hard() removes rows): the sample becomes orphaned downstream.
                s.delete("video", Expressions.in("sample_uid", 2L), DeleteOptions.soft());
                try (Increment inc = s.resolveUpdate("video/faces")) {
                    System.out.println(inc.orphaned().rowCount() + " orphaned");   // 1
                }
            }
            // ---- end of README snippet ----
        } finally {
            System.setOut(stdout);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEqualToNormalizingNewlines("2 samples with faces\n1 orphaned\n");
    }

    /** Every line of the README snippet appears, in order, in this test: edit both together. */
    @Test
    void readmeSnippetMatchesThisTest() throws IOException {
        String readme = Files.readString(README);
        int section = readme.indexOf("## Using the DuckDB store");
        assertThat(section).as("README section 'Using the DuckDB store'").isNotNegative();
        int start = readme.indexOf("```java\n", section) + "```java\n".length();
        int end = readme.indexOf("```", start);
        List<String> snippet = readme.substring(start, end).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        List<String> source = Files.readString(SOURCE).lines().map(String::strip).toList();
        int at = 0;
        for (String line : snippet) {
            while (at < source.size() && !source.get(at).equals(line)) {
                at++;
            }
            assertThat(at).as("README line not found (in order) in %s: %s", SOURCE, line).isLessThan(source.size());
            at++;
        }
    }
}
