package dev.metaxy.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metaxy.definition.FeatureDep;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.FieldDep;
import dev.metaxy.definition.SystemColumns;
import dev.metaxy.frame.Frame;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.store.MetadataSchemaException;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.MetadataStoreException;
import dev.metaxy.store.ReadOptions;
import dev.metaxy.store.WriteOptions;
import dev.metaxy.versioning.ReferenceEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** write and writeMulti: validation, system columns, append-only storage (§2, §15 items 7–12, 38). */
public abstract class WriteContract extends StoreContract {
    protected static final FeatureSpec ROOT = rootSpec("root/feature", "field_a", "field_b");
    protected static final FeatureSpec DOWN = FeatureSpec.builder("downstream/feature").idColumns(UID)
        .dependsOn(FeatureDep.of(ROOT.key()))
        .field("output", "1", FieldDep.on(ROOT.key(), "field_a", "field_b"))
        .build();

    protected FeatureGraph g() {
        return graph(ROOT, DOWN);
    }

    private static Map<String, Object> rootRow(String uid, String a, String b) {
        return row(UID, uid, PBF, byField("field_a", a, "field_b", b));
    }

    private ReferenceEngine engine(MetadataStore s) {
        return new ReferenceEngine(s.graph(), s.hashAlgorithm());
    }

    @Test
    void writeWithoutProvenanceByFieldRaisesSchemaErrorAndWritesNothing() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            assertThatThrownBy(() -> write(s, ROOT.key(), List.of(row(UID, "s1", "value", 1L))))
                .isInstanceOf(MetadataSchemaException.class)
                .hasMessageContaining("must have 'metaxy_provenance_by_field' column");
            assertThat(s.hasFeature(ROOT.key())).isFalse();
            write(s, ROOT.key(), List.of(rootRow("s1", "a", "b")));
            assertThatThrownBy(() -> write(s, ROOT.key(), List.of(row(UID, "s2", "value", 1L))))
                .isInstanceOf(MetadataSchemaException.class).hasMessageContaining("metaxy_provenance_by_field");
            assertThat(rawCount(s, ROOT.key())).isEqualTo(1);
        }
    }

    @Test
    void byFieldColumnThatIsNeitherStructNorMapRaisesSchemaErrorAndWritesNothing() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            assertThatThrownBy(() -> write(s, ROOT.key(), List.of(row(UID, "s1", PBF, "not-a-struct"))))
                .isInstanceOf(MetadataSchemaException.class)
                .hasMessageContaining("'metaxy_provenance_by_field' column must be a Struct or Map, got");
            assertThat(rawCount(s, ROOT.key())).isZero();
        }
    }

    @Test
    void writeAddsEverySystemColumn() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            write(s, ROOT.key(), List.of(rootRow("s1", "a1", "b1")));
            List<String> cols = readColumns(s, ROOT.key(), ReadOptions.defaults());
            assertThat(cols).contains(UID).containsAll(SystemColumns.ALL.stream()
                .filter(c -> !c.equals(SystemColumns.DEFINITION_VERSION)).toList());
            assertThat(cols).doesNotContain(SystemColumns.DEFINITION_VERSION);
        }
    }

    @Test
    void writeStampsFeatureAndProjectVersionOfTheGraph() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            write(s, ROOT.key(), List.of(rootRow("s1", "a", "b")));
            Map<String, Object> r = readRows(s, ROOT.key()).get(0);
            assertThat(r.get(SystemColumns.FEATURE_VERSION)).isEqualTo(s.graph().versions().featureVersion(ROOT.key()));
            assertThat(r.get(SystemColumns.PROJECT_VERSION)).isEqualTo(s.graph().versions().projectVersion());
        }
    }

    @Test
    void givenVersionColumnsAreOverwrittenUnlessPreserved() {
        MetadataStore s = store(g());
        String current = s.graph().versions().featureVersion(ROOT.key());
        try (var w = openW(s)) {
            Map<String, Object> r1 = rootRow("s1", "a", "b");
            r1.put(SystemColumns.FEATURE_VERSION, "oldfeat1");
            r1.put(SystemColumns.PROJECT_VERSION, "oldproj1");
            write(s, ROOT.key(), List.of(r1));
            assertThat(readRows(s, ROOT.key())).singleElement()
                .satisfies(r -> assertThat(r.get(SystemColumns.FEATURE_VERSION)).isEqualTo(current));

            Map<String, Object> r2 = rootRow("s2", "a", "b");
            r2.put(SystemColumns.FEATURE_VERSION, "oldfeat1");
            r2.put(SystemColumns.PROJECT_VERSION, "oldproj1");
            try (Frame f = frame(List.of(r2))) {
                s.write(ROOT.key(), f, WriteOptions.defaults().preservingFeatureVersion());
            }
            assertThat(valueSet(readRows(s, ROOT.key()), UID)).containsExactly("s1");
            List<Map<String, Object>> old = readRows(s, ROOT.key(), ReadOptions.defaults().withFeatureHistory().featureVersion("oldfeat1"));
            assertThat(old).singleElement().satisfies(r -> {
                assertThat(r.get(UID)).isEqualTo("s2");
                assertThat(r.get(SystemColumns.PROJECT_VERSION)).isEqualTo("oldproj1");
            });
        }
    }

    @Test
    void rootProvenanceIsComputedFromTheByFieldValuesWhenAbsent() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            write(s, ROOT.key(), List.of(rootRow("s1", "a1", "b1"), rootRow("s2", "a2", "b2")));
            List<Map<String, Object>> rows = readRows(s, ROOT.key());
            assertThat(rowWith(rows, UID, "s1").get(PROV)).isEqualTo(engine(s).hash("a1|b1"));
            assertThat(rowWith(rows, UID, "s2").get(PROV)).isEqualTo(engine(s).hash("a2|b2"));
            assertThat(rowWith(rows, UID, "s1").get(DV)).isEqualTo(engine(s).hash("a1|b1"));
            assertThat(norm(rowWith(rows, UID, "s1").get(DVBF))).isEqualTo(norm(byField("field_a", "a1", "field_b", "b1")));
        }
    }

    @Test
    void nonRootProvenanceIsComputedWhenAbsentAndKeptWhenGiven() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            write(s, DOWN.key(), List.of(row(UID, "s1", PBF, byField("output", "o1"))));
            write(s, DOWN.key(), List.of(row(UID, "s2", PBF, byField("output", "o2"), PROV, "given-provenance")));
            List<Map<String, Object>> rows = readRows(s, DOWN.key());
            assertThat(rowWith(rows, UID, "s1").get(PROV)).isEqualTo(engine(s).hash("o1"));
            assertThat(rowWith(rows, UID, "s2").get(PROV)).isEqualTo("given-provenance");
            assertThat(rowWith(rows, UID, "s2").get(DV)).isEqualTo("given-provenance");
        }
    }

    @Test
    void createdAtIsSetWhenAbsentAndPreservedWhenGiven() {
        MetadataStore s = store(g());
        Instant given = Instant.parse("2020-01-02T03:04:05.123456Z");
        Instant before = Instant.now().minus(Duration.ofMinutes(1));
        try (var w = openW(s)) {
            Map<String, Object> withTs = rootRow("s2", "a", "b");
            withTs.put(SystemColumns.CREATED_AT, given);
            write(s, ROOT.key(), List.of(rootRow("s1", "a", "b")));
            write(s, ROOT.key(), List.of(withTs));
            List<Map<String, Object>> rows = readRows(s, ROOT.key());
            Instant created = instant(rowWith(rows, UID, "s1").get(SystemColumns.CREATED_AT));
            assertThat(created).isAfter(before).isBefore(Instant.now().plus(Duration.ofMinutes(1)));
            assertThat(instant(rowWith(rows, UID, "s2").get(SystemColumns.CREATED_AT))).isEqualTo(given);
        }
    }

    @Test
    void userProvidedUpdatedAtIsOverwrittenByTheWriteTime() {
        MetadataStore s = store(g());
        Instant old = Instant.parse("2000-01-01T00:00:00Z");
        Instant before = Instant.now().minus(Duration.ofMinutes(1));
        try (var w = openW(s)) {
            Map<String, Object> r = rootRow("s1", "a", "b");
            r.put(SystemColumns.UPDATED_AT, old);
            write(s, ROOT.key(), List.of(r));
            Instant updated = instant(readRows(s, ROOT.key()).get(0).get(SystemColumns.UPDATED_AT));
            assertThat(updated).isAfter(before).isNotEqualTo(old);
        }
    }

    @Test
    void laterWritesGetLaterUpdatedAtAndWin() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            write(s, ROOT.key(), List.of(rootRow("s1", "a", "b")));
            pause();
            write(s, ROOT.key(), List.of(rootRow("s1", "a2", "b2")));
            List<Map<String, Object>> all = readRows(s, ROOT.key(), ReadOptions.defaults().withSampleHistory());
            assertThat(all).hasSize(2);
            Map<String, Object> first = all.stream().filter(r -> norm(r.get(PBF)).equals(norm(byField("field_a", "a", "field_b", "b"))))
                .findFirst().orElseThrow();
            Map<String, Object> second = all.stream().filter(r -> r != first).findFirst().orElseThrow();
            assertThat(instant(second.get(SystemColumns.UPDATED_AT))).isAfter(instant(first.get(SystemColumns.UPDATED_AT)));
            assertThat(readRows(s, ROOT.key())).singleElement()
                .satisfies(r -> assertThat(norm(r.get(PBF))).isEqualTo(norm(byField("field_a", "a2", "field_b", "b2"))));
        }
    }

    @Test
    void deletedAtIsNullWhenAbsent() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            write(s, ROOT.key(), List.of(rootRow("s1", "a", "b")));
            List<Map<String, Object>> rows = readRows(s, ROOT.key());
            assertThat(rows.get(0)).containsKey(SystemColumns.DELETED_AT);
            assertThat(rows.get(0).get(SystemColumns.DELETED_AT)).isNull();
        }
    }

    @Test
    void storeLevelMaterializationIdIsStamped() {
        MetadataStore s = store(g(), settings().withMaterializationId("run-store"));
        try (var w = openW(s)) {
            write(s, ROOT.key(), List.of(rootRow("s1", "a", "b")));
            assertThat(readRows(s, ROOT.key()).get(0).get(SystemColumns.MATERIALIZATION_ID)).isEqualTo("run-store");
        }
    }

    @Test
    void writeLevelMaterializationIdOverridesTheStoreDefault() {
        MetadataStore s = store(g(), settings().withMaterializationId("run-store"));
        try (var w = openW(s); Frame f = frame(List.of(rootRow("s1", "a", "b")))) {
            s.write(ROOT.key(), f, WriteOptions.defaults().withMaterializationId("run-call"));
            write(s, ROOT.key(), List.of(rootRow("s2", "a", "b")));
            List<Map<String, Object>> rows = readRows(s, ROOT.key());
            assertThat(rowWith(rows, UID, "s1").get(SystemColumns.MATERIALIZATION_ID)).isEqualTo("run-call");
            assertThat(rowWith(rows, UID, "s2").get(SystemColumns.MATERIALIZATION_ID)).isEqualTo("run-store");
        }
    }

    @Test
    void materializationIdIsNullWithoutDefaultAndAlwaysOverwritten() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            Map<String, Object> given = rootRow("s1", "a", "b");
            given.put(SystemColumns.MATERIALIZATION_ID, "user-value");
            write(s, ROOT.key(), List.of(given));
            Map<String, Object> given2 = rootRow("s2", "a", "b");
            given2.put(SystemColumns.MATERIALIZATION_ID, "user-value");
            try (Frame f = frame(List.of(given2))) {
                s.write(ROOT.key(), f, WriteOptions.defaults().withMaterializationId("run-2"));
            }
            List<Map<String, Object>> rows = readRows(s, ROOT.key());
            assertThat(rowWith(rows, UID, "s1").get(SystemColumns.MATERIALIZATION_ID)).isNull();
            assertThat(rowWith(rows, UID, "s2").get(SystemColumns.MATERIALIZATION_ID)).isEqualTo("run-2");
            assertThat(readRows(s, ROOT.key(), ReadOptions.defaults().filter("metaxy_materialization_id = 'run-2'")))
                .extracting(r -> r.get(UID)).containsExactly("s2");
        }
    }

    @Test
    void dataVersionDefaultsToProvenance() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            write(s, ROOT.key(), List.of(rootRow("s1", "a1", "b1")));
            Map<String, Object> r = readRows(s, ROOT.key()).get(0);
            assertThat(norm(r.get(DVBF))).isEqualTo(norm(r.get(PBF)));
            assertThat(r.get(DV)).isEqualTo(r.get(PROV)).isNotNull();
        }
    }

    @Test
    void userDataVersionIsKeptAndNullRowsAreFilledFromProvenance() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            Map<String, Object> custom = rootRow("s1", "a1", "b1");
            custom.put(DVBF, byField("field_a", "da1", "field_b", "db1"));
            Map<String, Object> missing = rootRow("s2", "a2", "b2");
            missing.put(DVBF, null);
            write(s, ROOT.key(), List.of(custom, missing));
            List<Map<String, Object>> rows = readRows(s, ROOT.key());
            Map<String, Object> r1 = rowWith(rows, UID, "s1");
            Map<String, Object> r2 = rowWith(rows, UID, "s2");
            assertThat(norm(r1.get(DVBF))).isEqualTo(norm(byField("field_a", "da1", "field_b", "db1")));
            assertThat(r1.get(DV)).as("data version hashed from the user's by-field data versions").isEqualTo(engine(s).hash("da1|db1"));
            assertThat(r1.get(PROV)).isEqualTo(engine(s).hash("a1|b1"));
            assertThat(norm(r2.get(DVBF))).isEqualTo(norm(byField("field_a", "a2", "field_b", "b2")));
            assertThat(r2.get(DV)).isEqualTo(engine(s).hash("a2|b2"));
        }
    }

    @Test
    void givenSampleDataVersionIsKeptAndItsNullsFilledFromProvenance() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            Map<String, Object> r1 = rootRow("s1", "a1", "b1");
            r1.put(DVBF, byField("field_a", "da1", "field_b", "db1"));
            r1.put(DV, "user-dv");
            Map<String, Object> r2 = rootRow("s2", "a2", "b2");
            r2.put(DVBF, byField("field_a", "da2", "field_b", "db2"));
            r2.put(DV, null);
            write(s, ROOT.key(), List.of(r1, r2));
            List<Map<String, Object>> rows = readRows(s, ROOT.key());
            assertThat(rowWith(rows, UID, "s1").get(DV)).isEqualTo("user-dv");
            assertThat(rowWith(rows, UID, "s2").get(DV)).isEqualTo(engine(s).hash("a2|b2"));
        }
    }

    @Test
    void writesAreAppendOnly() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            for (int i = 1; i <= 5; i++) {
                write(s, ROOT.key(), List.of(row(UID, "s1", "value", i * 10L, PBF, byField("field_a", "a" + i, "field_b", "b"))));
                pause();
            }
            assertThat(readRows(s, ROOT.key())).singleElement().satisfies(r -> assertThat(norm(r.get("value"))).isEqualTo(50L));
            assertThat(values(readRows(s, ROOT.key(), ReadOptions.defaults().withSampleHistory()), "value"))
                .containsExactlyInAnyOrder(10L, 20L, 30L, 40L, 50L);
        }
    }

    @Test
    void userColumnsOfCommonTypesRoundTrip() {
        MetadataStore s = store(g());
        Instant ts = Instant.parse("2024-05-06T07:08:09.123456Z");
        try (var w = openW(s)) {
            Map<String, Object> r = rootRow("s1", "a", "b");
            r.put("text", "héllo");
            r.put("count", 42L);
            r.put("score", 0.25d);
            r.put("flag", true);
            r.put("seen_at", ts);
            write(s, ROOT.key(), List.of(r));
            Map<String, Object> back = readRows(s, ROOT.key()).get(0);
            assertThat(back.get("text")).isEqualTo("héllo");
            assertThat(norm(back.get("count"))).isEqualTo(42L);
            assertThat(norm(back.get("score"))).isEqualTo(0.25d);
            assertThat(back.get("flag")).isEqualTo(true);
            assertThat(instant(back.get("seen_at"))).isEqualTo(ts);
        }
    }

    @Test
    void hasFeatureIsFalseBeforeTheFirstWriteAndTrueAfterForEveryKeyForm() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            assertThat(s.hasFeature(ROOT.key())).isFalse();
            assertThat(s.listFeatures()).doesNotContain(ROOT.key());
            write(s, "root/feature", List.of(rootRow("s1", "a", "b")));
            assertThat(s.hasFeature(ROOT.key())).isTrue();
            assertThat(s.hasFeature("root/feature")).isTrue();
            assertThat(s.hasFeature(List.of("root", "feature"))).isTrue();
            assertThat(s.hasFeature(ROOT)).isTrue();
            assertThat(s.hasFeature(DOWN.key())).isFalse();
            assertThat(s.listFeatures()).contains(ROOT.key()).doesNotContain(DOWN.key());
        }
    }

    @Test
    void writeToAMissingTableWithoutAutoCreateFailsAndCreatesNothing() {
        MetadataStore s = store(g(), settings().withAutoCreateTables(false));
        if (alwaysCreatesTables()) {
            try (var w = openW(s)) {
                write(s, ROOT.key(), List.of(rootRow("s1", "a", "b")));
                assertThat(s.hasFeature(ROOT.key())).isTrue();
            }
            return;
        }
        try (var w = openW(s)) {
            assertThatThrownBy(() -> write(s, ROOT.key(), List.of(rootRow("s1", "a", "b"))))
                .isInstanceOf(MetadataStoreException.class)
                .hasMessageContaining("does not exist for feature " + ROOT.key());
            assertThat(s.hasFeature(ROOT.key())).isFalse();
        }
    }

    @Test
    void writeMultiWritesEveryFeature() {
        FeatureSpec a = rootSpec("chain/a");
        FeatureSpec b = childSpec("chain/b", a);
        FeatureSpec c = childSpec("chain/c", b);
        MetadataStore s = store(graph(a, b, c));
        try (var w = openW(s);
             Frame fa = frame(List.of(sample("s1", "ha")));
             Frame fb = frame(List.of(sample("s1", "hb")));
             Frame fc = frame(List.of(sample("s1", "hc")))) {
            Map<Object, Frame> m = new LinkedHashMap<>();
            m.put("chain/a", fa);
            m.put(b.key(), fb);
            m.put(List.of("chain", "c"), fc);
            s.writeMulti(m, WriteOptions.defaults().withMaterializationId("multi"));
            for (FeatureSpec f : List.of(a, b, c)) {
                assertThat(readRows(s, f.key())).singleElement()
                    .satisfies(r -> assertThat(r.get(SystemColumns.MATERIALIZATION_ID)).isEqualTo("multi"));
            }
            Instant ta = instant(readRows(s, a.key()).get(0).get(SystemColumns.UPDATED_AT));
            Instant tb = instant(readRows(s, b.key()).get(0).get(SystemColumns.UPDATED_AT));
            Instant tc = instant(readRows(s, c.key()).get(0).get(SystemColumns.UPDATED_AT));
            assertThat(tc).as("dependents are written before their dependencies").isBeforeOrEqualTo(tb);
            assertThat(tb).isBeforeOrEqualTo(ta);
        }
    }

    @Test
    void writeMultiWritesDependentsFirstSoAFailingDependentStopsBeforeItsUpstream() {
        FeatureSpec a = rootSpec("chain/a");
        FeatureSpec b = childSpec("chain/b", a);
        FeatureSpec c = childSpec("chain/c", b);
        MetadataStore s = store(graph(a, b, c));
        try (var w = openW(s);
             Frame fa = frame(List.of(sample("s1", "ha")));
             Frame fb = frame(List.of(sample("s1", "hb")));
             Frame bad = frame(List.of(row(UID, "s1", "value", 1L)))) {
            Map<Object, Frame> m = new LinkedHashMap<>();
            m.put(a.key(), fa);
            m.put(b.key(), fb);
            m.put(c.key(), bad);
            assertThatThrownBy(() -> s.writeMulti(m, WriteOptions.defaults()))
                .isInstanceOf(MetadataSchemaException.class).hasMessageContaining("metaxy_provenance_by_field");
            assertThat(rawCount(s, a.key())).isZero();
            assertThat(rawCount(s, b.key())).isZero();
            assertThat(rawCount(s, c.key())).isZero();
        }
    }

    @Test
    void writeMultiOfNothingIsANoOpAndWriteMultiOfASubsetWritesOnlyThose() {
        FeatureSpec a = rootSpec("chain/a");
        FeatureSpec b = childSpec("chain/b", a);
        MetadataStore s = store(graph(a, b));
        try (var w = openW(s); Frame fb = frame(List.of(sample("s1", "hb")))) {
            s.writeMulti(Map.of(), WriteOptions.defaults());
            assertThat(s.listFeatures()).doesNotContain(a.key(), b.key());
            s.writeMulti(Map.of(b.key(), fb), WriteOptions.defaults());
            assertThat(s.hasFeature(b.key())).isTrue();
            assertThat(s.hasFeature(a.key())).isFalse();
        }
    }

    @Test
    void mapDatatypeStoresByFieldColumnsAsMapsWithTheSameValues() {
        MetadataStore s = store(g(), settings().withEnableMapDatatype(true));
        try (var w = openW(s)) {
            write(s, ROOT.key(), List.of(rootRow("s1", "a1", "b1")));
            Map<String, Object> r = readRows(s, ROOT.key()).get(0);
            assertThat(norm(r.get(PBF))).isEqualTo(norm(byField("field_a", "a1", "field_b", "b1")));
            assertThat(r.get(PROV)).isEqualTo(engine(s).hash("a1|b1"));
            try (Frame f = s.read(ROOT.key()).collect()) {
                assertThat(f.schema().findField(PBF).getType().getTypeID())
                    .isEqualTo(org.apache.arrow.vector.types.pojo.ArrowType.ArrowTypeID.Map);
            }
            write(s, ROOT.key(), List.of(rootRow("s2", "a2", "b2")));
            assertThat(norm(rowWith(readRows(s, ROOT.key()), UID, "s2").get(PBF)))
                .isEqualTo(norm(byField("field_a", "a2", "field_b", "b2")));
        }
    }

    @Test
    void mapDatatypeKeepsByFieldKeysOutsideTheCurrentFields() {
        // the point of the Map datatype (spec §2 "no schema evolution", §10): by-field keys are not a fixed column set
        MetadataStore s = store(g(), settings().withEnableMapDatatype(true));
        try (var w = openW(s)) {
            write(s, ROOT.key(), List.of(rootRow("s1", "a1", "b1")));
            write(s, ROOT.key(), List.of(row(UID, "s2", PBF, byField("field_a", "a2", "field_b", "b2", "extra", "x"))));
            assertThat(norm(rowWith(readRows(s, ROOT.key()), UID, "s2").get(PBF)))
                .isEqualTo(norm(byField("field_a", "a2", "field_b", "b2", "extra", "x")));
            assertThat(norm(rowWith(readRows(s, ROOT.key()), UID, "s1").get(PBF)))
                .isEqualTo(norm(byField("field_a", "a1", "field_b", "b1")));
        }
    }

    @Test
    void structByFieldColumnsStayStructsWithoutTheMapDatatype() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            write(s, ROOT.key(), List.of(rootRow("s1", "a1", "b1")));
            try (Frame f = s.read(ROOT.key()).collect()) {
                assertThat(f.schema().findField(PBF).getType().getTypeID())
                    .isEqualTo(org.apache.arrow.vector.types.pojo.ArrowType.ArrowTypeID.Struct);
                assertThat(f.schema().findField(PBF).getChildren()).extracting(x -> x.getName())
                    .containsExactlyInAnyOrder("field_a", "field_b");
            }
        }
    }

    /** Keys of a graph used by subclasses that add store-specific write tests. */
    protected static List<FeatureKey> keys(FeatureGraph graph) {
        return new ArrayList<>(graph.keys());
    }
}
