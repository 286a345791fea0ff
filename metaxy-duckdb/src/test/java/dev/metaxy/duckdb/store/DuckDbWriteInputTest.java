package dev.metaxy.duckdb.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.duckdb.DuckDbMetadataStore;
import dev.metaxy.frame.Frame;
import dev.metaxy.frame.FrameSchemas;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.MetadataSchemaException;
import dev.metaxy.store.MetadataStore;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Write-input validation of the DuckDB store (each bad input writes nothing) and user MAP columns. */
class DuckDbWriteInputTest {
    static final FeatureSpec ROOT = FeatureSpec.builder("docs").idColumns("doc_id", "page").field("text", "1").field("layout", "1").build();

    static DuckDbMetadataStore store(Path dir, boolean map) {
        return DuckDbMetadataStore.builder(FeatureGraph.of(List.of(ROOT))).database(dir.resolve("w.duckdb"))
            .enableMapDatatype(map).autoCreateTables(true).build();
    }

    static Map<String, Object> row(Object docId, Object page) {
        Map<String, Object> r = new HashMap<>();
        r.put("doc_id", docId);
        r.put("page", page);
        r.put("metaxy_provenance_by_field", Map.of("text", "t", "layout", "l"));
        return r;
    }

    private static void seed(MetadataStore s) {
        s.write("docs", List.of(row("d0", 0L)));
    }

    @Test
    void aMissingIdColumnIsRejectedAndNothingIsWritten(@TempDir Path dir) {
        try (MetadataStore s = store(dir, false).open(AccessMode.WRITE)) {
            seed(s);
            Map<String, Object> bad = row("d1", 1L);
            bad.remove("page");
            assertThatThrownBy(() -> s.write("docs", List.of(bad))).isInstanceOf(MetadataSchemaException.class)
                .hasMessageContaining("lacks id column 'page'");
            assertThat(s.read("docs").count()).isEqualTo(1);
        }
    }

    @Test
    void aNullIdIsRejectedAndNothingIsWritten(@TempDir Path dir) {
        try (MetadataStore s = store(dir, false).open(AccessMode.WRITE)) {
            seed(s);
            assertThatThrownBy(() -> s.write("docs", List.of(row("d1", 1L), row(null, 2L)))).isInstanceOf(MetadataSchemaException.class)
                .hasMessageContaining("id column 'doc_id' contains nulls");
            assertThat(s.read("docs").count()).isEqualTo(1);
        }
    }

    @Test
    void aByFieldStructMissingAFieldIsRejected(@TempDir Path dir) {
        try (MetadataStore s = store(dir, false).open(AccessMode.WRITE)) {
            seed(s);
            Map<String, Object> bad = row("d1", 1L);
            bad.put("metaxy_provenance_by_field", Map.of("text", "t"));
            assertThatThrownBy(() -> s.write("docs", List.of(bad))).isInstanceOf(MetadataSchemaException.class)
                .hasMessageContaining("has no entry for field 'layout'");
            assertThat(s.read("docs").count()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"metaxy_provenance", "metaxy_feature_version", "metaxy_materialization_id"})
    void aNonStringSystemColumnIsRejected(String column, @TempDir Path dir) {
        try (MetadataStore s = store(dir, false).open(AccessMode.WRITE)) {
            seed(s);
            Map<String, Object> bad = row("d1", 1L);
            bad.put(column, 42L);
            assertThatThrownBy(() -> s.write("docs", List.of(bad))).isInstanceOf(MetadataSchemaException.class)
                .hasMessageContaining("column '" + column + "' must be a string");
            assertThat(s.read("docs").count()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void userMapColumnsRoundTrip(boolean mapDatatype, @TempDir Path dir) {
        Schema schema = new Schema(List.of(FrameSchemas.field("doc_id", FrameSchemas.UTF8), FrameSchemas.field("page", FrameSchemas.INT64),
            FrameSchemas.map("labels", FrameSchemas.UTF8, FrameSchemas.INT64),
            FrameSchemas.struct("metaxy_provenance_by_field", List.of(FrameSchemas.field("text", FrameSchemas.UTF8),
                FrameSchemas.field("layout", FrameSchemas.UTF8)))));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("doc_id", "d1");
        r.put("page", 1L);
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("cat", 3L);
        labels.put("dog", 5L);
        r.put("labels", labels);
        r.put("metaxy_provenance_by_field", Map.of("text", "t", "layout", "l"));
        try (MetadataStore s = store(dir, mapDatatype).open(AccessMode.WRITE); Frame f = Frame.fromRows(schema, List.of(r))) {
            s.write("docs", f);
            try (Frame back = s.read("docs").collect()) {
                assertThat(back.value(0, "labels")).isEqualTo(labels);
                assertThat(back.value(0, "metaxy_provenance_by_field")).isEqualTo(Map.of("text", "t", "layout", "l"));
            }
        }
    }
}
