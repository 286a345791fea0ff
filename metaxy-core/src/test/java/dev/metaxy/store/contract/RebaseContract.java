package dev.metaxy.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.SystemColumns;
import dev.metaxy.frame.Frame;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.ReadOptions;
import dev.metaxy.store.WriteOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** rebase: carrying rows of an old feature version to the current one without recomputation (§6, §15 item 37). */
public abstract class RebaseContract extends StoreContract {
    private static final FeatureSpec PARENT = rootSpec("rb/parent", "value");

    private static FeatureGraph version(String childCode) {
        return graph(PARENT, FeatureSpec.builder("rb/child").idColumns(UID).dependsOn(PARENT).field("value", childCode).build());
    }

    @Test
    void rebasingARootFeatureIsRejected() {
        MetadataStore s = store(version("1"));
        try (var w = openW(s); Frame f = frame(List.of(sample("s1", "h1")))) {
            write(s, PARENT.key(), List.of(row(UID, "s1", PBF, byField("value", "p1"))));
            assertThatThrownBy(() -> s.rebase(PARENT.key(), f, null).collect())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Cannot rebase root feature rb/parent");
            assertThat(rawCount(s, PARENT.key())).isEqualTo(1);
        }
    }

    @Test
    void rebasingToAnUnknownVersionIsRejected() {
        MetadataStore s = store(version("1"));
        try (var w = openW(s)) {
            write(s, PARENT.key(), List.of(row(UID, "s1", PBF, byField("value", "p1"))));
            writeDownstream(s, "rb/child");
            try (Frame f = s.read("rb/child").collect()) {
                assertThatThrownBy(() -> s.rebase("rb/child", f, "deadbeef").collect())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Feature version 'deadbeef' for 'rb/child' not found in system storage");
            }
            assertThat(rawCount(s, "rb/child")).isEqualTo(1);
        }
    }

    @Test
    void rebasedRowsGetTheTargetVersionAndProvenanceAndKeepUserDataVersions() {
        Path d = dir("rebase");
        MetadataStore v1 = store(version("1"), settings().withDirectory(d));
        String oldVersion = v1.graph().versions().featureVersion("rb/child");
        try (var w = openW(v1)) {
            write(v1, PARENT.key(), List.of(row(UID, "s1", PBF, byField("value", "p1")), row(UID, "s2", PBF, byField("value", "p2"))));
            try (var inc = v1.resolveUpdate("rb/child")) {
                List<Map<String, Object>> rows = inc.newSamples().toRows();
                for (Map<String, Object> r : rows) {
                    r.put("payload", "kept-" + r.get(UID));
                    if ("s2".equals(r.get(UID))) {
                        r.put(DVBF, byField("value", "user-dv"));
                        r.put(DV, "user-sample-dv");
                    }
                }
                write(v1, "rb/child", rows);
            }
        }
        MetadataStore v2 = store(version("2"), settings().withDirectory(d));
        String newVersion = v2.graph().versions().featureVersion("rb/child");
        try (var w = openW(v2)) {
            assertThat(readRows(v2, "rb/child")).isEmpty();
            List<Map<String, Object>> rebased;
            try (Frame old = v2.read("rb/child", ReadOptions.defaults().withFeatureHistory().featureVersion(oldVersion)).collect();
                 Frame out = v2.rebase("rb/child", old, null).collect()) {
                rebased = out.toRows();
                assertThat(rawCount(v2, "rb/child")).as("rebase writes nothing").isEqualTo(2);
                v2.write("rb/child", out, WriteOptions.defaults().preservingFeatureVersion());
            }
            List<Map<String, Object>> expected = referenceExpected(v2, v2.graph().keyOf("rb/child"));
            assertThat(rebased).hasSize(2).allSatisfy(r -> {
                assertThat(r.get(SystemColumns.FEATURE_VERSION)).isEqualTo(newVersion);
                assertThat(r.get("payload")).isEqualTo("kept-" + r.get(UID));
            });
            assertSameRows("rebased provenance", rebased, expected, List.of(UID, PBF, PROV));
            List<Map<String, Object>> current = readRows(v2, "rb/child");
            assertThat(current).hasSize(2);
            Map<String, Object> s1 = rowWith(current, UID, "s1");
            Map<String, Object> s2 = rowWith(current, UID, "s2");
            assertThat(s1.get(DV)).isEqualTo(s1.get(PROV));
            assertThat(norm(s1.get(DVBF))).isEqualTo(norm(s1.get(PBF)));
            assertThat(norm(s2.get(DVBF))).isEqualTo(norm(byField("value", "user-dv")));
            assertThat(s2.get(DV)).isEqualTo("user-sample-dv");
            IncrementRows inc = resolve(v2, "rb/child");
            assertThat(inc.newRows()).isEmpty();
            assertThat(inc.staleRows()).isEmpty();
        }
    }
}
