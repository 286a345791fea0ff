package dev.metaxy.lake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.FieldDep;
import dev.metaxy.expr.Expressions;
import dev.metaxy.frame.Frame;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.DeleteOptions;
import dev.metaxy.store.Increment;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.ReadOptions;
import dev.metaxy.store.ResolveOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One end-to-end scenario every storage-only store runs: write, resolve, soft and hard delete, drop. */
public final class LakeScenario {
    public static final FeatureSpec VIDEO = FeatureSpec.builder("video/raw").idColumns("sample_uid").field("audio", "1").field("frames", "1").build();
    public static final FeatureSpec FACES = FeatureSpec.builder("video/faces").idColumns("sample_uid").dependsOn(VIDEO)
        .field("faces", "1", FieldDep.on(VIDEO.key(), "frames")).build();

    private LakeScenario() {
    }

    public static FeatureGraph graph() {
        return FeatureGraph.of(List.of(VIDEO, FACES));
    }

    public static List<Map<String, Object>> samples(int n, String audioTag) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (long i = 1; i <= n; i++) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("sample_uid", i);
            r.put("path", "s3://bucket/" + i + ".mp4");
            r.put("metaxy_provenance_by_field", Map.of("audio", "a" + audioTag + i, "frames", "f" + i));
            rows.add(r);
        }
        return rows;
    }

    /** Runs the scenario; {@code dropKeepsTable}: Delta keeps a dropped table (empty), Iceberg removes it. */
    public static void roundTrip(MetadataStore store, boolean dropKeepsTable) {
        try (MetadataStore s = store.open(AccessMode.WRITE); Frame sm = Frame.fromRows(samples(5, ""))) {
            assertThat(s.hasFeature("video/raw")).isFalse();
            try (Increment inc = s.resolveUpdate("video/raw", ResolveOptions.defaults().samples(sm))) {
                assertThat(inc.newSamples().rowCount()).isEqualTo(5);
                s.write("video/raw", inc.newSamples());
            }
            assertThat(s.hasFeature("video/raw")).isTrue();
            try (Increment inc = s.resolveUpdate("video/faces")) {
                assertThat(inc.newSamples().rowCount()).isEqualTo(5);
                s.write("video/faces", inc.newSamples());
            }
            try (Increment inc = s.resolveUpdate("video/faces")) {
                assertThat(inc.isEmpty()).isTrue();
            }
            assertThat(s.read("video/raw").count()).isEqualTo(5);
            assertThat(s.delete("video/raw", Expressions.in("sample_uid", 4L, 5L), DeleteOptions.soft())).isEqualTo(2);
            assertThat(s.read("video/raw").count()).isEqualTo(3);
            assertThat(s.read("video/raw", ReadOptions.defaults().includeSoftDeleted()).count()).isEqualTo(5);
            assertThat(s.delete("video/raw", Expressions.in("sample_uid", 1L), DeleteOptions.hard())).isEqualTo(1);
            assertThat(s.read("video/raw", ReadOptions.defaults().includeSoftDeleted()).count()).isEqualTo(4);
            try (Increment inc = s.resolveUpdate("video/faces")) {
                assertThat(inc.orphaned().rowCount()).isEqualTo(3);
            }
            s.dropFeatureMetadata("video/faces");
            assertThat(s.hasFeature("video/faces")).isEqualTo(dropKeepsTable);
            if (dropKeepsTable) {
                assertThat(s.read("video/faces").count()).isZero();
            }
        }
    }
}
