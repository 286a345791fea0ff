package dev.metaxy.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.SystemColumns;
import dev.metaxy.frame.Frame;
import dev.metaxy.frame.FrameSchemas;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.store.MetadataSchemaException;
import dev.metaxy.versioning.FeaturePlan;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

class IncomingFramesTest {
    private static final FeaturePlan PLAN = FeaturePlan.of(FeatureGraph.of(List.of(
        FeatureSpec.builder("video").idColumns("uid").field("audio", "1").field("frames", "1").build())), "video");

    private static Map<String, Object> row(String uid, Map<String, String> byField) {
        Map<String, Object> r = new HashMap<>();
        r.put("uid", uid);
        r.put(SystemColumns.PROVENANCE_BY_FIELD, byField);
        return r;
    }

    @Test
    void structWithEveryFieldPassesAndIsNotAMap() {
        try (Frame f = Frame.fromRows(List.of(row("a", Map.of("audio", "1", "frames", "2"))))) {
            assertThat(IncomingFrames.validate(PLAN, f)).isFalse();
            assertThat(IncomingFrames.structKeys(f, SystemColumns.PROVENANCE_BY_FIELD)).containsExactlyInAnyOrder("audio", "frames");
            assertThat(IncomingFrames.structKeys(f, "uid")).isEmpty();
        }
    }

    @Test
    void mapByFieldPassesAsAMap() {
        Schema schema = new Schema(List.of(FrameSchemas.field("uid", FrameSchemas.UTF8),
            FrameSchemas.map(SystemColumns.PROVENANCE_BY_FIELD, FrameSchemas.UTF8, FrameSchemas.UTF8)));
        try (Frame f = Frame.empty(schema)) {
            assertThat(IncomingFrames.validate(PLAN, f)).isTrue();
        }
    }

    @Test
    void structMissingAFieldNamesTheField() {
        try (Frame f = Frame.fromRows(List.of(row("a", Map.of("audio", "1"))))) {
            assertThatThrownBy(() -> IncomingFrames.validate(PLAN, f)).isInstanceOf(MetadataSchemaException.class)
                .hasMessageContaining("has no entry for field 'frames'");
        }
    }

    @Test
    void nullIdAndNonStringVersionColumnsAreRefused() {
        try (Frame f = Frame.fromRows(List.of(row("b", Map.of("audio", "1", "frames", "2")), row(null, Map.of("audio", "1", "frames", "2"))))) {
            assertThatThrownBy(() -> IncomingFrames.validate(PLAN, f)).isInstanceOf(MetadataSchemaException.class)
                .hasMessageContaining("id column 'uid' contains nulls");
        }
        Map<String, Object> r = row("a", Map.of("audio", "1", "frames", "2"));
        r.put(SystemColumns.PROVENANCE, 5L);
        try (Frame f = Frame.fromRows(List.of(r))) {
            assertThatThrownBy(() -> IncomingFrames.validate(PLAN, f)).isInstanceOf(MetadataSchemaException.class)
                .hasMessageContaining("column 'metaxy_provenance' must be a string");
        }
    }
}
