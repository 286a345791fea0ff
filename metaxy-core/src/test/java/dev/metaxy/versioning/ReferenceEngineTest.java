package dev.metaxy.versioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metaxy.definition.FeatureDep;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.Lineage;
import dev.metaxy.definition.MetaxyDefinitionException;
import dev.metaxy.definition.SystemColumns;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sample-level behaviour on tiny hand-made frames, with the golden values of metadata-store.md §0.4. */
class ReferenceEngineTest {
    private static final FeatureSpec PARENT = FeatureSpec.builder("parent").idColumns("sample_uid").field("value", "1").build();
    private static final FeatureSpec EXTRA = FeatureSpec.builder("extra").idColumns("sample_uid").field("note", "1").build();

    private static Map<String, Object> row(Object id, String field, String dataVersion) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("sample_uid", id);
        Map<String, Object> struct = new HashMap<>();
        struct.put(field, dataVersion);
        r.put(SystemColumns.PROVENANCE_BY_FIELD, struct);
        r.put(SystemColumns.PROVENANCE, "p");
        r.put(SystemColumns.DATA_VERSION_BY_FIELD, new HashMap<>(struct));
        r.put(SystemColumns.DATA_VERSION, "p");
        r.put(SystemColumns.FEATURE_VERSION, "fv");
        return r;
    }

    private static Map<FeatureKey, List<Map<String, Object>>> upstream(Object... keysAndRows) {
        Map<FeatureKey, List<Map<String, Object>>> out = new HashMap<>();
        for (int i = 0; i < keysAndRows.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rows = (List<Map<String, Object>>) keysAndRows[i + 1];
            out.put(FeatureKey.of((String) keysAndRows[i]), rows);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static String field(Map<String, Object> row, String structKey) {
        return ((Map<String, String>) row.get(SystemColumns.PROVENANCE_BY_FIELD)).get(structKey);
    }

    private static Object id(Map<String, Object> r) {
        return r.get("sample_uid");
    }

    @Test
    void identityLineageMatchesTheGoldenVectors() {
        FeatureSpec child = FeatureSpec.builder("child").idColumns("sample_uid").dependsOn(PARENT).field("derived", "1").build();
        ReferenceEngine engine = new ReferenceEngine(FeatureGraph.of(List.of(PARENT, child)), HashAlgorithm.XXHASH64);
        assertThat(engine.hash("derived|1|parent.value|fv_p1")).isEqualTo("84751092");
        List<Map<String, Object>> rows = engine.expected("child",
            upstream("parent", List.of(row(1, "value", "fv_p1"), row(2, "value", "fv_p2"), row(3, "value", "fv_p3"))), null);
        rows.sort((a, b) -> Integer.compare((Integer) id(a), (Integer) id(b)));
        assertThat(rows).extracting(r -> field(r, "derived")).containsExactly("84751092", "82966962", "93395852");
        assertThat(rows).extracting(r -> r.get(SystemColumns.PROVENANCE)).containsExactly("17901660", "84060210", "17512167");
        assertThat(rows).extracting(r -> r.get(SystemColumns.DATA_VERSION)).containsExactly("17901660", "84060210", "17512167");
        assertThat(rows.get(0).get(SystemColumns.DATA_VERSION_BY_FIELD)).isEqualTo(Map.of("derived", "84751092"));
        assertThat(rows.get(0)).as("upstream versioning and dropped columns are gone")
            .doesNotContainKeys(SystemColumns.DATA_VERSION_BY_FIELD + "__parent", SystemColumns.FEATURE_VERSION);
    }

    @Test
    void nullInAnOptionalDependencyBecomesAnEmptyStringAfterALeftJoin() {
        FeatureSpec child = FeatureSpec.builder("child").idColumns("sample_uid").dependsOn(PARENT)
            .dependsOn(FeatureDep.on(EXTRA.key()).optional()).field("derived", "1").build();
        ReferenceEngine engine = new ReferenceEngine(FeatureGraph.of(List.of(PARENT, EXTRA, child)), HashAlgorithm.XXHASH64);
        List<Map<String, Object>> rows = engine.expected("child", upstream(
            "parent", List.of(row(1, "value", "fv_p1"), row(2, "value", "fv_p2")),
            "extra", List.of(row(1, "note", "n1"), row(9, "note", "n9"))), null);
        assertThat(rows).extracting(ReferenceEngineTest::id).containsExactlyInAnyOrder(1, 2);
        Map<String, Object> joined = rows.stream().filter(r -> id(r).equals(1)).findFirst().orElseThrow();
        Map<String, Object> missing = rows.stream().filter(r -> id(r).equals(2)).findFirst().orElseThrow();
        assertThat(field(joined, "derived")).isEqualTo(engine.hash("derived|1|extra.note|n1|parent.value|fv_p1"));
        assertThat(field(missing, "derived")).isEqualTo(engine.hash("derived|1|extra.note||parent.value|fv_p2"));
        assertThat(missing.get(SystemColumns.PROVENANCE)).isNotNull();
    }

    @Test
    void onlyOptionalDependenciesAreFullOuterJoined() {
        FeatureSpec child = FeatureSpec.builder("child").idColumns("sample_uid")
            .dependsOn(FeatureDep.on(PARENT.key()).optional()).dependsOn(FeatureDep.on(EXTRA.key()).optional())
            .field("derived", "1").build();
        ReferenceEngine engine = new ReferenceEngine(FeatureGraph.of(List.of(PARENT, EXTRA, child)), HashAlgorithm.XXHASH64);
        List<Map<String, Object>> rows = engine.expected("child", upstream(
            "parent", List.of(row(1, "value", "fv_p1")),
            "extra", List.of(row(2, "note", "n2"))), null);
        assertThat(rows).extracting(ReferenceEngineTest::id).containsExactlyInAnyOrder(1, 2);
        Map<String, Object> one = rows.stream().filter(r -> id(r).equals(1)).findFirst().orElseThrow();
        Map<String, Object> two = rows.stream().filter(r -> id(r).equals(2)).findFirst().orElseThrow();
        assertThat(field(one, "derived")).isEqualTo(engine.hash("derived|1|extra.note||parent.value|fv_p1"));
        assertThat(field(two, "derived")).isEqualTo(engine.hash("derived|1|extra.note|n2|parent.value|"));
    }

    @Test
    void requiredDependencyDropsUnmatchedRowsWithAnInnerJoin() {
        FeatureSpec child = FeatureSpec.builder("child").idColumns("sample_uid").dependsOn(PARENT).dependsOn(EXTRA)
            .field("derived", "1").build();
        ReferenceEngine engine = new ReferenceEngine(FeatureGraph.of(List.of(PARENT, EXTRA, child)), HashAlgorithm.XXHASH64);
        List<Map<String, Object>> rows = engine.expected("child", upstream(
            "parent", List.of(row(1, "value", "a"), row(2, "value", "b")),
            "extra", List.of(row(2, "note", "c"), row(3, "note", "d"))), null);
        assertThat(rows).extracting(ReferenceEngineTest::id).containsExactly(2);
    }

    @Test
    void nullInARequiredDependencyGivesNullProvenance() {
        FeatureSpec child = FeatureSpec.builder("child").idColumns("sample_uid").dependsOn(PARENT).field("derived", "1").build();
        ReferenceEngine engine = new ReferenceEngine(FeatureGraph.of(List.of(PARENT, child)), HashAlgorithm.XXHASH64);
        List<Map<String, Object>> rows = engine.expected("child", upstream("parent", List.of(row(1, "value", null))), null);
        assertThat(rows).hasSize(1);
        assertThat(field(rows.get(0), "derived")).isNull();
        assertThat(rows.get(0).get(SystemColumns.PROVENANCE)).isNull();
        assertThat(rows.get(0).get(SystemColumns.DATA_VERSION)).isNull();
    }

    @Test
    void aggregationKeepsEveryRowWithIdenticalGroupValues() {
        FeatureSpec readings = FeatureSpec.builder("sensor_readings").idColumns("sensor_id", "reading_id").field("temperature", "1").build();
        FeatureSpec summary = FeatureSpec.builder("sensor_summary").idColumns("sensor_id")
            .dependsOn(FeatureDep.on(readings.key()).lineage(Lineage.aggregation("sensor_id"))).field("avg_temp", "1").build();
        ReferenceEngine engine = new ReferenceEngine(FeatureGraph.of(List.of(readings, summary)), HashAlgorithm.XXHASH64);
        List<Map<String, Object>> input = new ArrayList<>();
        String[][] data = {{"s1", "2", "fv_r2"}, {"s2", "3", "fv_r3"}, {"s1", "1", "fv_r1"}, {"s2", "5", "fv_r5"}, {"s2", "4", "fv_r4"}};
        for (String[] d : data) {
            Map<String, Object> r = row(null, "temperature", d[2]);
            r.remove("sample_uid");
            r.put("sensor_id", d[0]);
            r.put("reading_id", Integer.parseInt(d[1]));
            input.add(r);
        }
        List<Map<String, Object>> rows = engine.expected("sensor_summary", upstream("sensor_readings", input), null);
        assertThat(rows).hasSize(5);
        assertThat(rows).filteredOn(r -> r.get("sensor_id").equals("s1"))
            .hasSize(2)
            .allSatisfy(r -> {
                assertThat(field(r, "avg_temp")).isEqualTo("13045622");
                assertThat(r.get(SystemColumns.PROVENANCE)).isEqualTo("75342386");
            });
        assertThat(rows).filteredOn(r -> r.get("sensor_id").equals("s2"))
            .hasSize(3)
            .allSatisfy(r -> {
                assertThat(field(r, "avg_temp")).isEqualTo("15007701");
                assertThat(r.get(SystemColumns.PROVENANCE)).isEqualTo("11546469");
            });
    }

    @Test
    void sqlFiltersApplyToRenamedColumns() {
        FeatureSpec child = FeatureSpec.builder("child").idColumns("sample_uid")
            .dependsOn(FeatureDep.on(PARENT.key()).rename("score", "points").filter("points > 5")).field("derived", "1").build();
        ReferenceEngine engine = new ReferenceEngine(FeatureGraph.of(List.of(PARENT, child)), HashAlgorithm.XXHASH64);
        Map<String, Object> low = row(1, "value", "a");
        low.put("score", 3);
        Map<String, Object> high = row(2, "value", "b");
        high.put("score", 7);
        List<Map<String, Object>> rows = engine.expected("child", upstream("parent", List.of(low, high)), null);
        assertThat(rows).extracting(ReferenceEngineTest::id).containsExactly(2);
        assertThat(rows.get(0)).containsEntry("points", 7).doesNotContainKey("score");
    }

    @Test
    void runtimeFiltersApplyAfterStaticOnes() {
        FeatureSpec child = FeatureSpec.builder("child").idColumns("sample_uid").dependsOn(PARENT).field("derived", "1").build();
        ReferenceEngine engine = new ReferenceEngine(FeatureGraph.of(List.of(PARENT, child)), HashAlgorithm.XXHASH64);
        List<Map<String, Object>> rows = engine.expected("child",
            upstream("parent", List.of(row(1, "value", "a"), row(2, "value", "b"))),
            Map.of(FeatureKey.of("parent"), List.of(dev.metaxy.expr.Expressions.parse("sample_uid = 1"))));
        assertThat(rows).extracting(ReferenceEngineTest::id).containsExactly(1);
    }

    @Test
    void rootFeatureHasNoExpectedRows() {
        ReferenceEngine engine = new ReferenceEngine(FeatureGraph.of(List.of(PARENT)), HashAlgorithm.XXHASH64);
        assertThatThrownBy(() -> engine.expected("parent", Map.of(), null))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'parent' is a root feature");
    }

    @Test
    void missingUpstreamRowsAreReported() {
        FeatureSpec child = FeatureSpec.builder("child").idColumns("sample_uid").dependsOn(PARENT).build();
        ReferenceEngine engine = new ReferenceEngine(FeatureGraph.of(List.of(PARENT, child)), HashAlgorithm.XXHASH64);
        assertThatThrownBy(() -> engine.expected("child", Map.of(), null))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("No upstream rows given for 'parent'");
    }

    @Test
    void rootSamplesGetProvenanceFromTheirStruct() {
        ReferenceEngine engine = new ReferenceEngine(FeatureGraph.of(List.of(PARENT)), HashAlgorithm.XXHASH64);
        Map<String, Object> sample = new LinkedHashMap<>();
        sample.put("sample_uid", 1);
        sample.put(SystemColumns.PROVENANCE_BY_FIELD, Map.of("value", "abc"));
        sample.put(SystemColumns.PROVENANCE, "ignored");
        Map<String, Object> done = engine.rootSamples("parent", List.of(sample)).get(0);
        assertThat(done.get(SystemColumns.PROVENANCE)).isEqualTo(engine.hash("abc"));
        assertThat(done.get(SystemColumns.DATA_VERSION)).isEqualTo(engine.hash("abc"));
        assertThat(done.get(SystemColumns.DATA_VERSION_BY_FIELD)).isEqualTo(Map.of("value", "abc"));
    }

    @Test
    void rootSampleWithoutProvenanceStructIsRejected() {
        ReferenceEngine engine = new ReferenceEngine(FeatureGraph.of(List.of(PARENT)), HashAlgorithm.XXHASH64);
        assertThatThrownBy(() -> engine.rootSamples("parent", List.of(Map.of("sample_uid", 1))))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'parent'")
            .hasMessageContaining("no metaxy_provenance_by_field struct");
    }

    @Test
    void structMissingAFieldIsRejected() {
        ReferenceEngine engine = new ReferenceEngine(FeatureGraph.of(List.of(PARENT)), HashAlgorithm.XXHASH64);
        Map<String, Object> sample = Map.of("sample_uid", 1, SystemColumns.PROVENANCE_BY_FIELD, Map.of("other", "x"));
        assertThatThrownBy(() -> engine.rootSamples("parent", List.of(sample)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("no entry for field 'value'");
    }

    // ------------------------------------------------------------------ FeaturePlan validation

    @Test
    void renamingOntoAnUpstreamIdColumnIsRejected() {
        FeatureSpec child = FeatureSpec.builder("child").idColumns("sample_uid")
            .dependsOn(FeatureDep.on(PARENT.key()).rename("score", "sample_uid")).build();
        FeatureGraph g = FeatureGraph.of(List.of(PARENT, child));
        assertThatThrownBy(() -> FeaturePlan.of(g, "child"))
            .isInstanceOf(MetaxyDefinitionException.class)
            .hasMessageContaining("'child'")
            .hasMessageContaining("column 'score'")
            .hasMessageContaining("ID column 'sample_uid'")
            .hasMessageContaining("'parent'");
    }

    @Test
    void twoDepsSelectingTheSameNonIdColumnAreRejected() {
        FeatureSpec child = FeatureSpec.builder("child").idColumns("sample_uid")
            .dependsOn(FeatureDep.on(PARENT.key()).select("score"))
            .dependsOn(FeatureDep.on(EXTRA.key()).select("score", "sample_uid")).build();
        FeatureGraph g = FeatureGraph.of(List.of(PARENT, EXTRA, child));
        assertThatThrownBy(() -> FeaturePlan.of(g, "child"))
            .isInstanceOf(MetaxyDefinitionException.class)
            .hasMessageContaining("'child'")
            .hasMessageContaining("duplicate column names after renaming: [score]")
            .hasMessageContaining("rename");
    }

    @Test
    void renamingOneOfTwoCollidingColumnsResolvesTheCollision() {
        FeatureSpec child = FeatureSpec.builder("child").idColumns("sample_uid")
            .dependsOn(FeatureDep.on(PARENT.key()).select("score"))
            .dependsOn(FeatureDep.on(EXTRA.key()).rename("score", "extra_score").select("extra_score")).build();
        FeaturePlan plan = FeaturePlan.of(FeatureGraph.of(List.of(PARENT, EXTRA, child)), "child");
        assertThat(plan.joinColumns()).containsExactly("sample_uid");
        assertThat(plan.deps().get(1).selectedColumns()).startsWith("extra_score", "sample_uid")
            .contains(SystemColumns.DATA_VERSION_BY_FIELD + "__extra");
    }

    @Test
    void planOrdersParentsAndNamesRenamedSystemColumns() {
        FeatureSpec child = FeatureSpec.builder("a/child").idColumns("sample_uid").dependsOn(PARENT).dependsOn(EXTRA)
            .field("z", "1").field("b/c", "2").build();
        FeaturePlan plan = FeaturePlan.of(FeatureGraph.of(List.of(PARENT, EXTRA, child)), "a/child");
        assertThat(plan.sortedStructKeys()).containsExactly("b_c", "z");
        assertThat(plan.fields().get(0).parents()).extracting(p -> p.qualified().toString()).containsExactly("extra.note", "parent.value");
        assertThat(plan.fields().get(0).parents().get(1).dataVersionColumn()).isEqualTo("metaxy_data_version_by_field__parent");
        assertThat(plan.isRoot()).isFalse();
        assertThat(plan.requiredDeps()).hasSize(2);
        assertThat(plan.optionalDeps()).isEmpty();
    }
}
