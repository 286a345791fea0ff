package dev.metaxy.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metaxy.definition.FeatureDep;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.FieldDep;
import dev.metaxy.definition.Lineage;
import dev.metaxy.expr.Expressions;
import dev.metaxy.frame.Frame;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.hash.Truncation;
import dev.metaxy.store.DeleteOptions;
import dev.metaxy.store.Increment;
import dev.metaxy.store.LazyIncrement;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.ResolveOptions;
import dev.metaxy.versioning.ReferenceEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * resolveUpdate: root samples, upstream loading, new/stale/orphaned, lineages, optional deps, filters, staleness
 * predicates, skip_comparison, golden hashes (§0.4, §4, §15 items 4–6, 20–30, 33, 42).
 */
public abstract class ResolveUpdateContract extends StoreContract {
    private static final FeatureSpec PARENT = rootSpec("parent", "value");
    private static final FeatureSpec CHILD = FeatureSpec.builder("child").idColumns(UID).dependsOn(PARENT).field("derived", "1").build();

    private FeatureGraph chain() {
        return graph(PARENT, CHILD);
    }

    private static Map<String, Object> parentRow(String uid, String value, Object... more) {
        Map<String, Object> r = row(UID, uid, PBF, byField("value", value));
        r.putAll(row(more));
        return r;
    }

    private static void assertNewMatchesReference(MetadataStore s, FeatureKey target) {
        List<Map<String, Object>> expected = referenceExpected(s, target);
        IncrementRows inc = resolve(s, target);
        assertSameRows("new rows of " + target, inc.newRows(), expected, idAndVersioning(s.graph().spec(target).idColumns()));
    }

    // ------------------------------------------------------------------ root features

    @Test
    void rootFeatureRequiresSamplesAndNothingIsWritten() {
        MetadataStore s = store(chain());
        try (var w = openW(s)) {
            assertThatThrownBy(() -> s.resolveUpdate(PARENT.key()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("root feature")
                .hasMessageContaining("samples");
            assertThat(s.hasFeature(PARENT.key())).isFalse();
        }
    }

    @Test
    void rootSamplesAreAllNewWithRecomputedProvenance() {
        MetadataStore s = store(graph(rootSpec("multi", "a", "b")));
        ReferenceEngine ref = new ReferenceEngine(s.graph(), s.hashAlgorithm());
        try (var w = openW(s)) {
            IncrementRows inc = resolveSamples(s, "multi", List.of(
                row(UID, "s1", PBF, byField("a", "a1", "b", "b1"), PROV, "user-supplied-is-ignored"),
                row(UID, "s2", PBF, byField("a", "a2", "b", "b2"))));
            assertThat(inc.newRows()).hasSize(2);
            assertThat(inc.staleRows()).isEmpty();
            assertThat(inc.orphanedRows()).isEmpty();
            Map<String, Object> s1 = rowWith(inc.newRows(), UID, "s1");
            assertThat(norm(s1.get(PBF))).isEqualTo(norm(byField("a", "a1", "b", "b1")));
            assertThat(s1.get(PROV)).isEqualTo(ref.hash("a1|b1"));
            assertThat(norm(s1.get(DVBF))).isEqualTo(norm(s1.get(PBF)));
            assertThat(s1.get(DV)).isEqualTo(s1.get(PROV));
            assertThat(inc.staleColumns()).containsExactlyInAnyOrderElementsOf(inc.newColumns());
            assertThat(inc.orphanedColumns()).containsExactlyInAnyOrderElementsOf(inc.newColumns());
        }
    }

    @Test
    void rootSamplesKeepACustomDataVersion() {
        MetadataStore s = store(chain());
        try (var w = openW(s)) {
            IncrementRows inc = resolveSamples(s, PARENT.key(), List.of(
                row(UID, "s1", PBF, byField("value", "p1"), DVBF, byField("value", "custom"), DV, "custom-dv")));
            Map<String, Object> r = inc.newRows().get(0);
            assertThat(norm(r.get(DVBF))).isEqualTo(norm(byField("value", "custom")));
            assertThat(r.get(DV)).isEqualTo("custom-dv");
        }
    }

    @Test
    void rootSamplesAreComparedWithStoredRows() {
        MetadataStore s = store(chain());
        try (var w = openW(s)) {
            writeRoot(s, PARENT.key(), List.of(parentRow("s1", "p1"), parentRow("s2", "p2"), parentRow("s4", "p4")));
            IncrementRows inc = resolveSamples(s, PARENT.key(),
                List.of(parentRow("s1", "p1-changed"), parentRow("s2", "p2"), parentRow("s3", "p3")));
            assertThat(valueSet(inc.newRows(), UID)).containsExactly("s3");
            assertThat(valueSet(inc.staleRows(), UID)).containsExactly("s1");
            assertThat(valueSet(inc.orphanedRows(), UID)).containsExactly("s4");
        }
    }

    // ------------------------------------------------------------------ golden vectors (§0.4)

    @Test
    void identityLineageMatchesTheGoldenVectors() {
        MetadataStore s = store(graph(PARENT, FeatureSpec.builder("child").idColumns(UID).dependsOn(PARENT).field("derived", "1").build()),
            settings().withHashAlgorithm(HashAlgorithm.XXHASH64));
        try (var w = openW(s)) {
            write(s, PARENT.key(), List.of(parentRow("s1", "fv_p1"), parentRow("s2", "fv_p2"), parentRow("s3", "fv_p3")));
            IncrementRows inc = resolve(s, "child");
            assertThat(inc.newRows()).hasSize(3);
            assertThat(norm(rowWith(inc.newRows(), UID, "s1").get(PBF))).isEqualTo(norm(byField("derived", "84751092")));
            assertThat(rowWith(inc.newRows(), UID, "s1").get(PROV)).isEqualTo("17901660");
            assertThat(norm(rowWith(inc.newRows(), UID, "s2").get(PBF))).isEqualTo(norm(byField("derived", "82966962")));
            assertThat(rowWith(inc.newRows(), UID, "s2").get(PROV)).isEqualTo("84060210");
            assertThat(norm(rowWith(inc.newRows(), UID, "s3").get(PBF))).isEqualTo(norm(byField("derived", "93395852")));
            assertThat(rowWith(inc.newRows(), UID, "s3").get(PROV)).isEqualTo("17512167");
            assertThat(rowWith(inc.newRows(), UID, "s3").get(DV)).isEqualTo("17512167");
        }
    }

    @Test
    void aggregationLineageMatchesTheGoldenVectorsWithOneRowPerUpstreamRow() {
        FeatureSpec readings = FeatureSpec.builder("sensor_readings").idColumns("sensor_id", "reading_id").field("temperature", "1").build();
        FeatureSpec stats = FeatureSpec.builder("sensor_stats").idColumns("sensor_id")
            .dependsOn(FeatureDep.on(readings.key()).lineage(Lineage.aggregation("sensor_id")))
            .field("avg_temp", "1").build();
        MetadataStore s = store(graph(readings, stats), settings().withHashAlgorithm(HashAlgorithm.XXHASH64));
        try (var w = openW(s)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            String[][] data = {{"s1", "r1", "fv_r1"}, {"s1", "r2", "fv_r2"}, {"s2", "r3", "fv_r3"}, {"s2", "r4", "fv_r4"}, {"s2", "r5", "fv_r5"}};
            for (String[] d : data) {
                rows.add(row("sensor_id", d[0], "reading_id", d[1], PBF, byField("temperature", d[2])));
            }
            write(s, readings.key(), rows);
            IncrementRows inc = resolve(s, stats.key());
            assertThat(values(inc.newRows(), "sensor_id")).containsExactly("s1", "s1", "s2", "s2", "s2");
            for (Map<String, Object> r : inc.newRows()) {
                boolean s1 = r.get("sensor_id").equals("s1");
                assertThat(norm(r.get(PBF))).isEqualTo(norm(byField("avg_temp", s1 ? "13045622" : "15007701")));
                assertThat(r.get(PROV)).isEqualTo(s1 ? "75342386" : "11546469");
            }
            // 2 stale rows when one reading of the 2-reading sensor changes
            writeIfAnyRows(s, stats.key(), inc.newRows());
            write(s, readings.key(), List.of(row("sensor_id", "s1", "reading_id", "r2", PBF, byField("temperature", "fv_r2_new"))));
            IncrementRows after = resolve(s, stats.key());
            assertThat(after.newRows()).isEmpty();
            assertThat(values(after.staleRows(), "sensor_id")).containsExactly("s1", "s1");
            assertThat(after.orphanedRows()).isEmpty();
        }
    }

    @Test
    void expansionLineageMatchesTheGoldenVectorsWithOneRowPerParent() {
        FeatureSpec video = FeatureSpec.builder("video").idColumns("video_id").field("content", "1").build();
        FeatureSpec frames = FeatureSpec.builder("video_frames").idColumns("video_id", "frame_id")
            .dependsOn(FeatureDep.on(video.key()).lineage(Lineage.expansion("video_id")))
            .field("frames", "1").build();
        MetadataStore s = store(graph(video, frames), settings().withHashAlgorithm(HashAlgorithm.XXHASH64));
        try (var w = openW(s)) {
            write(s, video.key(), List.of(row("video_id", "v1", PBF, byField("content", "fv_v1"))));
            IncrementRows inc = resolve(s, frames.key());
            assertThat(inc.newRows()).singleElement().satisfies(r -> {
                assertThat(norm(r.get(PBF))).isEqualTo(norm(byField("frames", "63035291")));
                assertThat(r.get(PROV)).isEqualTo("54355038");
            });
        }
    }

    @Test
    void hashTruncationLengthIsConfigurable() {
        FeatureGraph g = new FeatureGraph(Truncation.of(16));
        g.register(PARENT);
        g.register(CHILD);
        MetadataStore s = store(g, settings().withHashAlgorithm(HashAlgorithm.XXHASH64));
        try (var w = openW(s)) {
            write(s, PARENT.key(), List.of(parentRow("s1", "p1"), parentRow("s2", "p2"), parentRow("s3", "p3")));
            IncrementRows inc = resolve(s, CHILD.key());
            List<Map<String, Object>> expected = referenceExpected(s, CHILD.key());
            assertSameRows("truncation 16", inc.newRows(), expected, idAndVersioning(List.of(UID)));
            for (Map<String, Object> r : expected) {
                assertThat((String) r.get(PROV)).hasSizeLessThanOrEqualTo(16);
            }
            assertThat(inc.newRows()).anySatisfy(r -> assertThat((String) r.get(PROV)).hasSize(16));
        }
    }

    @Test
    void everySupportedHashAlgorithmGivesTheReferenceHashes() {
        for (HashAlgorithm a : supportedHashAlgorithms()) {
            MetadataStore s = store(chain(), settings().withHashAlgorithm(a).withDirectory(dir("algo-" + a.configName())));
            try (var w = openW(s)) {
                write(s, PARENT.key(), List.of(parentRow("s1", "p1"), parentRow("s2", "p2")));
                List<Map<String, Object>> expected = referenceExpected(s, CHILD.key());
                assertSameRows("algorithm " + a, resolve(s, CHILD.key()).newRows(), expected, idAndVersioning(List.of(UID)));
                ReferenceEngine ref = new ReferenceEngine(s.graph(), a);
                assertThat(rowWith(expected, UID, "s1").get(PBF)).isEqualTo(Map.of("derived", ref.hash("derived|1|parent.value|p1")));
            }
        }
    }

    // ------------------------------------------------------------------ downstream shapes

    @Test
    void downstreamOfASimpleChainEqualsTheReference() {
        MetadataStore s = store(chain());
        try (var w = openW(s)) {
            write(s, PARENT.key(), List.of(parentRow("s1", "p1", "note", "x"), parentRow("s2", "p2", "note", "y")));
            assertNewMatchesReference(s, CHILD.key());
            IncrementRows inc = resolve(s, CHILD.key());
            assertThat(inc.newColumns()).contains(UID, "note", PBF, PROV, DVBF, DV)
                .doesNotContain(PBF + "__parent", "metaxy_feature_version", "metaxy_updated_at");
            assertThat(rowWith(inc.newRows(), UID, "s1").get("note")).isEqualTo("x");
        }
    }

    @Test
    void downstreamOfADiamondEqualsTheReference() {
        FeatureSpec top = rootSpec("d_top", "value");
        FeatureSpec left = FeatureSpec.builder("d_left").idColumns(UID).dependsOn(top).field("l", "1").build();
        FeatureSpec right = FeatureSpec.builder("d_right").idColumns(UID).dependsOn(top).field("r", "2").build();
        FeatureSpec bottom = FeatureSpec.builder("d_bottom").idColumns(UID).dependsOn(left).dependsOn(right)
            .field("both", "1").field("only_left", "1", FieldDep.on(left.key(), "l")).build();
        MetadataStore s = store(graph(top, left, right, bottom));
        try (var w = openW(s)) {
            writeRoot(s, top.key(), List.of(row(UID, "s1", PBF, byField("value", "t1")), row(UID, "s2", PBF, byField("value", "t2")),
                row(UID, "s3", PBF, byField("value", "t3"))));
            writeDownstream(s, left.key());
            writeDownstream(s, right.key());
            assertNewMatchesReference(s, bottom.key());
            assertThat(resolve(s, bottom.key()).newRows()).hasSize(3);
        }
    }

    @Test
    void multiFieldFeaturesHashEachFieldFromItsOwnParents() {
        FeatureSpec src = rootSpec("mf_src", "audio", "frames");
        FeatureSpec dst = FeatureSpec.builder("mf_dst").idColumns(UID).dependsOn(src)
            .field("audio", "1").field("frames", "3", FieldDep.on(src.key(), "frames"))
            .field("summary", "2", FieldDep.all(src.key())).build();
        MetadataStore s = store(graph(src, dst));
        ReferenceEngine ref = new ReferenceEngine(s.graph(), s.hashAlgorithm());
        try (var w = openW(s)) {
            write(s, src.key(), List.of(row(UID, "s1", PBF, byField("audio", "a1", "frames", "f1"))));
            assertNewMatchesReference(s, dst.key());
            Map<String, Object> r = resolve(s, dst.key()).newRows().get(0);
            assertThat(norm(r.get(PBF))).isEqualTo(norm(byField(
                "audio", ref.hash("audio|1|mf_src.audio|a1"),
                "frames", ref.hash("frames|3|mf_src.frames|f1"),
                "summary", ref.hash("summary|2|mf_src.audio|a1|mf_src.frames|f1"))));
        }
    }

    @Test
    void renamesAndSelectShapeTheUpstreamColumns() {
        FeatureSpec src = rootSpec("rn_src", "value");
        FeatureSpec dst = FeatureSpec.builder("rn_dst").idColumns(UID)
            .dependsOn(FeatureDep.on(src.key()).rename("label", "src_label").select("src_label"))
            .field("out", "1").build();
        MetadataStore s = store(graph(src, dst));
        try (var w = openW(s)) {
            write(s, src.key(), List.of(row(UID, "s1", "label", "cat", "other", 1L, PBF, byField("value", "v1"))));
            assertNewMatchesReference(s, dst.key());
            IncrementRows inc = resolve(s, dst.key());
            assertThat(inc.newColumns()).contains("src_label").doesNotContain("label", "other");
            assertThat(inc.newRows().get(0).get("src_label")).isEqualTo("cat");
        }
    }

    @Test
    void upstreamChangesGiveNewStaleAndOrphanedRows() {
        MetadataStore s = store(chain());
        try (var w = openW(s)) {
            write(s, PARENT.key(), List.of(parentRow("s1", "p1"), parentRow("s2", "p2"), parentRow("s3", "p3")));
            try (Increment inc = s.resolveUpdate(CHILD.key())) {
                List<Map<String, Object>> rows = inc.newSamples().toRows();
                rows.forEach(r -> r.put("result", "computed-" + r.get(UID)));
                write(s, CHILD.key(), rows);
            }
            pause();
            write(s, PARENT.key(), List.of(parentRow("s1", "p1-changed"), parentRow("s4", "p4")));
            s.delete(PARENT.key(), Expressions.equal(UID, "s3"), DeleteOptions.hard());
            IncrementRows inc = resolve(s, CHILD.key());
            assertThat(valueSet(inc.newRows(), UID)).containsExactly("s4");
            assertThat(valueSet(inc.staleRows(), UID)).containsExactly("s1");
            assertThat(valueSet(inc.orphanedRows(), UID)).containsExactly("s3");
            List<Map<String, Object>> expected = referenceExpected(s, CHILD.key());
            assertSameRows("stale rows carry the expected versioning columns", inc.staleRows(),
                expected.stream().filter(r -> "s1".equals(r.get(UID))).toList(), idAndVersioning(List.of(UID)));
            assertThat(inc.staleColumns()).as("stale carries expected columns, not stored ones").doesNotContain("result");
            assertThat(inc.orphanedColumns()).as("orphaned carries the stored columns").contains("result", PROV, PBF);
            assertThat(rowWith(inc.orphanedRows(), UID, "s3").get("result")).isEqualTo("computed-s3");
        }
    }

    @Test
    void writingNewRowsMakesTheNextIncrementEmpty() {
        MetadataStore s = store(chain());
        try (var w = openW(s)) {
            write(s, PARENT.key(), List.of(parentRow("s1", "p1"), parentRow("s2", "p2")));
            writeDownstream(s, CHILD.key());
            assertThat(resolve(s, CHILD.key()).isEmpty()).isTrue();
            writeRoot(s, PARENT.key(), List.of(parentRow("s1", "p1"), parentRow("s2", "p2")));
            assertThat(resolveSamples(s, PARENT.key(), List.of(parentRow("s1", "p1"), parentRow("s2", "p2"))).isEmpty()).isTrue();
        }
    }

    @Test
    void duplicateHistoricalWritesDoNotInflateTheIncrement() {
        MetadataStore s = store(chain());
        try (var w = openW(s)) {
            List<Map<String, Object>> parents = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                parents.add(parentRow("s" + i, "p" + i));
            }
            write(s, PARENT.key(), parents);
            try (Increment inc = s.resolveUpdate(CHILD.key())) {
                for (int k = 0; k < 5; k++) {
                    s.write(CHILD.key(), inc.newSamples());
                }
            }
            assertThat(rawCount(s, CHILD.key())).isEqualTo(50);
            IncrementRows again = resolve(s, CHILD.key());
            assertThat(again.newRows()).isEmpty();
            assertThat(again.staleRows()).isEmpty();
            assertThat(again.orphanedRows()).isEmpty();
        }
    }

    @Test
    void lazyIncrementCollectsToTheEagerResult() {
        MetadataStore s = store(chain());
        try (var w = openW(s)) {
            write(s, PARENT.key(), List.of(parentRow("s1", "p1"), parentRow("s2", "p2")));
            LazyIncrement lazy = s.resolveUpdateLazy(CHILD.key(), ResolveOptions.defaults());
            assertThat(lazy.newSamples().count()).isEqualTo(2);
            assertThat(lazy.stale().count()).isZero();
            assertThat(lazy.newSamples().query()).isNotBlank();
            try (Increment collected = lazy.collect()) {
                assertSameRows("lazy vs eager", collected.newSamples().toRows(), resolve(s, CHILD.key()).newRows(),
                    idAndVersioning(List.of(UID)));
            }
        }
    }

    @Test
    void codeVersionChangeMakesEverySampleNewNotStale() {
        Path d = dir("code-version");
        MetadataStore v1 = store(chain(), settings().withDirectory(d));
        try (var w = openW(v1)) {
            write(v1, PARENT.key(), List.of(parentRow("s1", "p1"), parentRow("s2", "p2")));
            writeDownstream(v1, CHILD.key());
        }
        FeatureSpec child2 = FeatureSpec.builder("child").idColumns(UID).dependsOn(PARENT).field("derived", "2").build();
        MetadataStore v2 = store(graph(PARENT, child2), settings().withDirectory(d));
        try (var w = openW(v2)) {
            IncrementRows inc = resolve(v2, child2.key());
            assertThat(valueSet(inc.newRows(), UID)).containsExactly("s1", "s2");
            assertThat(inc.staleRows()).isEmpty();
            assertThat(inc.orphanedRows()).isEmpty();
            assertNewMatchesReference(v2, child2.key());
        }
    }

    @Test
    void softDeletedTargetRowsReappearAsNew() {
        MetadataStore s = store(chain());
        try (var w = openW(s)) {
            write(s, PARENT.key(), List.of(parentRow("s1", "p1"), parentRow("s2", "p2")));
            writeDownstream(s, CHILD.key());
            s.delete(CHILD.key(), Expressions.equal(UID, "s1"), DeleteOptions.soft());
            IncrementRows inc = resolve(s, CHILD.key());
            assertThat(valueSet(inc.newRows(), UID)).containsExactly("s1");
            assertThat(inc.staleRows()).isEmpty();
        }
    }

    // ------------------------------------------------------------------ lineages

    @Test
    void expansionLineageCountsOrphanedAndStaleRowsPerParent() {
        FeatureSpec video = FeatureSpec.builder("xp_video").idColumns("video_id").field("content", "1").build();
        FeatureSpec frames = FeatureSpec.builder("xp_frames").idColumns("video_id", "frame_id")
            .dependsOn(FeatureDep.on(video.key()).lineage(Lineage.expansion("video_id")))
            .field("frames", "1").build();
        MetadataStore s = store(graph(video, frames));
        try (var w = openW(s)) {
            List<Map<String, Object>> videos = new ArrayList<>();
            for (int v = 1; v <= 5; v++) {
                videos.add(row("video_id", "v" + v, PBF, byField("content", "c" + v)));
            }
            write(s, video.key(), videos);
            IncrementRows first = resolve(s, frames.key());
            assertThat(first.newRows()).hasSize(5);
            List<Map<String, Object>> children = new ArrayList<>();
            for (Map<String, Object> parent : first.newRows()) {
                for (int f = 0; f < 10; f++) {
                    Map<String, Object> c = new java.util.LinkedHashMap<>();
                    c.put("video_id", parent.get("video_id"));
                    c.put("frame_id", (long) f);
                    for (String col : VERSIONING) {
                        c.put(col, parent.get(col));
                    }
                    children.add(c);
                }
            }
            write(s, frames.key(), children);
            write(s, frames.key(), children); // duplicate writes do not create orphans
            assertThat(resolve(s, frames.key()).isEmpty()).isTrue();

            s.delete(video.key(), Expressions.in("video_id", "v3", "v4", "v5"), DeleteOptions.hard());
            pause();
            write(s, video.key(), List.of(row("video_id", "v1", PBF, byField("content", "c1-new"))));
            IncrementRows inc = resolve(s, frames.key());
            assertThat(inc.newRows()).isEmpty();
            assertThat(values(inc.orphanedRows(), "video_id")).containsExactly("v3", "v4", "v5");
            assertThat(values(inc.staleRows(), "video_id")).containsExactly("v1");
        }
    }

    @Test
    void aggregationLineageIsolatesFieldLevelProvenance() {
        FeatureSpec readings = FeatureSpec.builder("ag_readings").idColumns("sensor_id", "reading_id")
            .field("temperature", "1").field("humidity", "1").build();
        FeatureSpec stats = FeatureSpec.builder("ag_stats").idColumns("sensor_id")
            .dependsOn(FeatureDep.on(readings.key()).lineage(Lineage.aggregation("sensor_id")))
            .field("avg_temp", "1", FieldDep.on(readings.key(), "temperature"))
            .field("avg_humidity", "1", FieldDep.on(readings.key(), "humidity")).build();
        MetadataStore s = store(graph(readings, stats));
        try (var w = openW(s)) {
            write(s, readings.key(), List.of(
                row("sensor_id", "s1", "reading_id", "r1", PBF, byField("temperature", "t1", "humidity", "h1")),
                row("sensor_id", "s1", "reading_id", "r2", PBF, byField("temperature", "t2", "humidity", "h2")),
                row("sensor_id", "s2", "reading_id", "r3", PBF, byField("temperature", "t3", "humidity", "h3"))));
            assertNewMatchesReference(s, stats.key());
            IncrementRows first = resolve(s, stats.key());
            writeIfAnyRows(s, stats.key(), first.newRows());
            pause();
            write(s, readings.key(), List.of(
                row("sensor_id", "s1", "reading_id", "r1", PBF, byField("temperature", "t1", "humidity", "h1-new"))));
            IncrementRows inc = resolve(s, stats.key());
            assertThat(values(inc.staleRows(), "sensor_id")).containsExactly("s1", "s1");
            @SuppressWarnings("unchecked")
            Map<String, Object> before = (Map<String, Object>) norm(rowWith(first.newRows(), "reading_id", "r1").get(PBF));
            @SuppressWarnings("unchecked")
            Map<String, Object> after = (Map<String, Object>) norm(inc.staleRows().get(0).get(PBF));
            assertThat(after.get("avg_temp")).isEqualTo(before.get("avg_temp"));
            assertThat(after.get("avg_humidity")).isNotEqualTo(before.get("avg_humidity"));
            assertSameRows("stale vs reference", inc.staleRows(),
                referenceExpected(s, stats.key()).stream().filter(r -> "s1".equals(r.get("sensor_id"))).toList(),
                List.of("sensor_id", PROV, DV));
        }
    }

    // ------------------------------------------------------------------ optional dependencies

    @Test
    void optionalDependencyKeepsRowsWithoutItAndChangesOnlyRowsThatHadIt() {
        FeatureSpec main = rootSpec("op_main", "value");
        FeatureSpec extra = rootSpec("op_extra", "note");
        FeatureSpec out = FeatureSpec.builder("op_out").idColumns(UID).dependsOn(main)
            .dependsOn(FeatureDep.on(extra.key()).optional()).field("derived", "1").build();
        MetadataStore s = store(graph(main, extra, out));
        ReferenceEngine ref = new ReferenceEngine(s.graph(), s.hashAlgorithm());
        try (var w = openW(s)) {
            write(s, main.key(), List.of(row(UID, "s1", PBF, byField("value", "m1")), row(UID, "s2", PBF, byField("value", "m2"))));
            write(s, extra.key(), List.of(row(UID, "s1", PBF, byField("note", "n1")), row(UID, "s9", PBF, byField("note", "n9"))));
            IncrementRows inc = resolve(s, out.key());
            assertThat(valueSet(inc.newRows(), UID)).containsExactly("s1", "s2");
            assertThat(norm(rowWith(inc.newRows(), UID, "s2").get(PBF)))
                .isEqualTo(norm(byField("derived", ref.hash("derived|1|op_extra.note||op_main.value|m2"))));
            assertNewMatchesReference(s, out.key());
            writeIfAnyRows(s, out.key(), inc.newRows());
            pause();
            write(s, extra.key(), List.of(row(UID, "s1", PBF, byField("note", "n1-new"))));
            IncrementRows after = resolve(s, out.key());
            assertThat(valueSet(after.staleRows(), UID)).containsExactly("s1");
            assertThat(after.newRows()).isEmpty();
        }
    }

    @Test
    void onlyOptionalDependenciesGiveTheUnionOfSamples() {
        FeatureSpec a = rootSpec("oo_a", "x");
        FeatureSpec b = rootSpec("oo_b", "y");
        FeatureSpec out = FeatureSpec.builder("oo_out").idColumns(UID).dependsOn(FeatureDep.on(a.key()).optional())
            .dependsOn(FeatureDep.on(b.key()).optional()).field("z", "1").build();
        MetadataStore s = store(graph(a, b, out));
        try (var w = openW(s)) {
            write(s, a.key(), List.of(row(UID, "s1", PBF, byField("x", "x1")), row(UID, "s2", PBF, byField("x", "x2"))));
            write(s, b.key(), List.of(row(UID, "s2", PBF, byField("y", "y2")), row(UID, "s3", PBF, byField("y", "y3"))));
            IncrementRows inc = resolve(s, out.key());
            assertThat(values(inc.newRows(), UID)).containsExactly("s1", "s2", "s3");
            assertNewMatchesReference(s, out.key());
        }
    }

    // ------------------------------------------------------------------ filters

    @Test
    void featureDepFiltersLimitTheUpstreamRows() {
        FeatureSpec people = rootSpec("fd_people", "value");
        FeatureSpec adults = FeatureSpec.builder("fd_adults").idColumns(UID)
            .dependsOn(FeatureDep.on(people.key()).filter("age >= 25")).field("out", "1").build();
        MetadataStore s = store(graph(people, adults));
        try (var w = openW(s)) {
            write(s, people.key(), List.of(row(UID, "s1", "age", 20L, PBF, byField("value", "v1")),
                row(UID, "s2", "age", 25L, PBF, byField("value", "v2")), row(UID, "s3", "age", 30L, PBF, byField("value", "v3"))));
            IncrementRows inc = resolve(s, adults.key());
            assertThat(values(inc.newRows(), UID)).containsExactly("s2", "s3");
            assertThat(values(inc.newRows(), "age")).containsExactly(25L, 30L);
            assertNewMatchesReference(s, adults.key());
        }
    }

    @Test
    void perFeatureAndGlobalFiltersAreAndedOnUpstreamReads() {
        MetadataStore s = store(chain());
        try (var w = openW(s)) {
            write(s, PARENT.key(), List.of(parentRow("s1", "p1", "kind", "a", "size", 1L), parentRow("s2", "p2", "kind", "a", "size", 5L),
                parentRow("s3", "p3", "kind", "b", "size", 5L)));
            assertThat(values(resolve(s, CHILD.key(), ResolveOptions.defaults().filter(PARENT.key(), "kind = 'a'")).newRows(), UID))
                .containsExactly("s1", "s2");
            assertThat(values(resolve(s, CHILD.key(), ResolveOptions.defaults().filter("parent", "kind = 'a'")
                .globalFilter("size > 2")).newRows(), UID)).containsExactly("s2");
            assertThat(values(resolve(s, CHILD.key(), ResolveOptions.defaults().globalFilter(Expressions.in(UID, "s1", "s3"))).newRows(), UID))
                .containsExactly("s1", "s3");
        }
    }

    @Test
    void targetFiltersRestrictCurrentRowsSoExcludedRowsShowAsNew() {
        MetadataStore s = store(chain());
        try (var w = openW(s)) {
            write(s, PARENT.key(), List.of(parentRow("s1", "p1"), parentRow("s2", "p2")));
            try (Increment inc = s.resolveUpdate(CHILD.key())) {
                List<Map<String, Object>> rows = inc.newSamples().toRows();
                rows.forEach(r -> r.put("height", "s1".equals(r.get(UID)) ? 10L : null));
                write(s, CHILD.key(), rows);
            }
            IncrementRows inc = resolve(s, CHILD.key(), ResolveOptions.defaults().targetFilter(Expressions.isNull("height")));
            assertThat(valueSet(inc.newRows(), UID)).as("target filters do not restrict the expected rows (reference quirk)")
                .containsExactly("s1");
            assertThat(inc.staleRows()).isEmpty();
            assertThat(inc.orphanedRows()).isEmpty();
        }
    }

    @Test
    void aGlobalFilterOnAColumnMissingUpstreamFails() {
        MetadataStore s = store(chain());
        try (var w = openW(s)) {
            write(s, PARENT.key(), List.of(parentRow("s1", "p1")));
            try (Increment inc = s.resolveUpdate(CHILD.key())) {
                List<Map<String, Object>> rows = inc.newSamples().toRows();
                rows.forEach(r -> r.put("height", 3L));
                write(s, CHILD.key(), rows);
            }
            long before = rawCount(s, CHILD.key());
            assertThatThrownBy(() -> resolve(s, CHILD.key(), ResolveOptions.defaults().globalFilter(Expressions.isNull("height"))))
                .isInstanceOf(RuntimeException.class).hasMessageContaining("height");
            assertThat(rawCount(s, CHILD.key())).isEqualTo(before);
        }
    }

    // ------------------------------------------------------------------ staleness predicates and skip_comparison

    private MetadataStore withDownstreamColumns(String name) {
        MetadataStore s = store(chain(), settings().withDirectory(dir(name)));
        s.open(dev.metaxy.store.AccessMode.WRITE);
        write(s, PARENT.key(), List.of(parentRow("s1", "up1"), parentRow("s2", "up2"), parentRow("s3", "up3")));
        try (Increment inc = s.resolveUpdate(CHILD.key())) {
            List<Map<String, Object>> rows = inc.newSamples().toRows();
            for (Map<String, Object> r : rows) {
                String uid = (String) r.get(UID);
                r.put("dataset", uid.equals("s3") ? "voxceleb" : "mead");
                r.put("extra", uid.equals("s2") ? "has_extra" : null);
                r.put("quality", uid.equals("s1") ? 1L : 9L);
            }
            write(s, CHILD.key(), rows);
        }
        return s;
    }

    @Test
    void stalenessPredicatesMarkMatchingRowsStale() {
        MetadataStore s = withDownstreamColumns("pred1");
        IncrementRows inc = resolve(s, CHILD.key(), ResolveOptions.defaults()
            .stalenessPredicate(Expressions.and(Expressions.equal("dataset", "mead"), Expressions.isNull("extra"))));
        assertThat(values(inc.staleRows(), UID)).containsExactly("s1");
        assertThat(inc.newRows()).isEmpty();
        assertThat(inc.orphanedRows()).isEmpty();
    }

    @Test
    void severalStalenessPredicatesAreOred() {
        MetadataStore s = withDownstreamColumns("pred2");
        IncrementRows inc = resolve(s, CHILD.key(), ResolveOptions.defaults()
            .stalenessPredicate("dataset = 'voxceleb'").stalenessPredicate("extra IS NOT NULL"));
        assertThat(values(inc.staleRows(), UID)).containsExactly("s2", "s3");
    }

    @Test
    void stalenessPredicatesDoNotDuplicateVersionStaleRowsNorTouchNewOnes() {
        MetadataStore s = withDownstreamColumns("pred3");
        pause();
        write(s, PARENT.key(), List.of(parentRow("s1", "up1-changed"), parentRow("s4", "up4")));
        IncrementRows inc = resolve(s, CHILD.key(), ResolveOptions.defaults().stalenessPredicate("dataset = 'mead'"));
        assertThat(values(inc.staleRows(), UID)).containsExactly("s1", "s2");
        assertThat(values(inc.newRows(), UID)).containsExactly("s4");
        s.close();
    }

    @Test
    void globalFiltersScopeStalenessPredicates() {
        MetadataStore s = withDownstreamColumns("pred4");
        IncrementRows inc = resolve(s, CHILD.key(), ResolveOptions.defaults()
            .globalFilter(Expressions.in(UID, "s1", "s3")).stalenessPredicate("dataset = 'mead'"));
        assertThat(values(inc.staleRows(), UID)).containsExactly("s1");
        assertThat(inc.newRows()).isEmpty();
    }

    @Test
    void nothingIsStaleByPredicateOnTheFirstRun() {
        MetadataStore s = store(chain());
        try (var w = openW(s)) {
            write(s, PARENT.key(), List.of(parentRow("s1", "p1")));
            IncrementRows inc = resolve(s, CHILD.key(), ResolveOptions.defaults().stalenessPredicate("derived_flag = 1"));
            assertThat(values(inc.newRows(), UID)).containsExactly("s1");
            assertThat(inc.staleRows()).isEmpty();
        }
    }

    @Test
    void skipComparisonReturnsEverythingAsNewAndIgnoresPredicates() {
        MetadataStore s = withDownstreamColumns("skip");
        IncrementRows inc = resolve(s, CHILD.key(), ResolveOptions.defaults().skipComparison().stalenessPredicate("dataset = 'mead'"));
        assertThat(values(inc.newRows(), UID)).containsExactly("s1", "s2", "s3");
        assertThat(inc.staleRows()).isEmpty();
        assertThat(inc.orphanedRows()).isEmpty();
        assertSameRows("skip_comparison new vs reference", inc.newRows(), referenceExpected(s, CHILD.key()), idAndVersioning(List.of(UID)));
        IncrementRows root = resolveSamples(s, PARENT.key(), List.of(parentRow("s1", "up1")));
        assertThat(root.newRows()).as("without skip_comparison the stored root sample is unchanged").isEmpty();
        assertThat(root.staleRows()).isEmpty();
        assertThat(values(root.orphanedRows(), UID)).containsExactly("s2", "s3");
        try (Frame f = frame(List.of(parentRow("s1", "up1")))) {
            IncrementRows skipped = resolve(s, PARENT.key(), ResolveOptions.defaults().samples(f).skipComparison());
            assertThat(values(skipped.newRows(), UID)).containsExactly("s1");
        }
    }

    // ------------------------------------------------------------------ validation and flags

    @Test
    void columnCollisionsAcrossUpstreamsAreRejected() {
        FeatureSpec a = rootSpec("cc_a", "x");
        FeatureSpec b = rootSpec("cc_b", "y");
        FeatureSpec out = FeatureSpec.builder("cc_out").idColumns(UID).dependsOn(a).dependsOn(b).field("z", "1").build();
        MetadataStore s = store(graph(a, b, out));
        try (var w = openW(s)) {
            write(s, a.key(), List.of(row(UID, "s1", "shared", "from-a", PBF, byField("x", "x1"))));
            write(s, b.key(), List.of(row(UID, "s1", "shared", "from-b", PBF, byField("y", "y1"))));
            assertThatThrownBy(() -> resolve(s, out.key()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column collisions").hasMessageContaining("shared");
            assertThat(s.hasFeature(out.key())).isFalse();
        }
    }

    @Test
    void renamingToAnUpstreamIdColumnIsRejected() {
        FeatureSpec a = rootSpec("ri_a", "x");
        FeatureSpec out = FeatureSpec.builder("ri_out").idColumns(UID)
            .dependsOn(FeatureDep.on(a.key()).rename("label", UID)).field("z", "1").build();
        MetadataStore s = store(graph(a, out));
        try (var w = openW(s)) {
            write(s, a.key(), List.of(row(UID, "s1", "label", "l", PBF, byField("x", "x1"))));
            assertThatThrownBy(() -> resolve(s, out.key())).isInstanceOf(RuntimeException.class)
                .hasMessageContaining("rename").hasMessageContaining(UID);
        }
    }

    @Test
    void mapDatatypeDoesNotChangeVersioning() {
        MetadataStore structs = store(chain(), settings().withDirectory(dir("structs")));
        MetadataStore maps = store(chain(), settings().withDirectory(dir("maps")).withEnableMapDatatype(true));
        List<IncrementRows> results = new ArrayList<>();
        for (MetadataStore s : List.of(structs, maps)) {
            try (var w = openW(s)) {
                writeRoot(s, PARENT.key(), List.of(parentRow("s1", "p1"), parentRow("s2", "p2")));
                results.add(resolve(s, CHILD.key()));
                writeDownstream(s, CHILD.key());
                write(s, PARENT.key(), List.of(parentRow("s1", "p1-new")));
                results.add(resolve(s, CHILD.key()));
            }
        }
        List<String> cols = idAndVersioning(List.of(UID));
        assertSameRows("first increment", results.get(2).newRows(), results.get(0).newRows(), cols);
        assertSameRows("second increment", results.get(3).staleRows(), results.get(1).staleRows(), cols);
        assertThat(results.get(3).staleRows()).hasSize(1);
    }

    private static void writeIfAnyRows(MetadataStore s, Object feature, List<Map<String, Object>> rows) {
        if (!rows.isEmpty()) {
            write(s, feature, rows);
        }
    }
}
