package dev.metaxy.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metaxy.definition.FeatureDefinition;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.SystemColumns;
import dev.metaxy.frame.Frame;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.system.GraphSnapshots;
import dev.metaxy.system.PushResult;
import dev.metaxy.system.SystemTables;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** System tables and graph pushes: append-only snapshots, already-pushed detection (§9, §15 item 40). */
public abstract class SystemTablesContract extends StoreContract {
    private static FeatureGraph projectGraph(String codeVersion) {
        FeatureSpec root = rootSpec("sys/root");
        FeatureSpec child = FeatureSpec.builder("sys/child").idColumns(UID).dependsOn(root).field("default", codeVersion).build();
        FeatureGraph g = new FeatureGraph();
        g.register(FeatureDefinition.of(root, null, null, "proj"));
        g.register(FeatureDefinition.of(child, null, null, "proj"));
        return g;
    }

    @Test
    void aMissingSystemTableReadsAsEmpty() {
        MetadataStore s = store(projectGraph("1"));
        try (var r = openW(s)) {
            assertThat(s.readSystemRows(SystemTables.FEATURE_VERSIONS)).isEmpty();
            assertThat(new GraphSnapshots(s).rows(null)).isEmpty();
        }
    }

    @Test
    void systemRowsAreAppendedAsTheyAreWithoutSystemColumns() {
        MetadataStore s = store(projectGraph("1"));
        FeatureKey events = SystemTables.EVENTS;
        try (var w = openW(s); Frame f = frame(List.of(row("project", "proj", "execution_id", "e1", "payload", "{}")))) {
            s.appendSystemRows(events, f);
            s.appendSystemRows(events, f);
            Optional<Frame> back = s.readSystemRows(events);
            assertThat(back).isPresent();
            try (Frame b = back.get()) {
                assertThat(b.rowCount()).as("system tables are not de-duplicated").isEqualTo(2);
                assertThat(b.columnNames()).containsExactlyInAnyOrder("project", "execution_id", "payload");
                assertThat(b.columnNames()).doesNotContain(SystemColumns.UPDATED_AT, SystemColumns.FEATURE_VERSION);
            }
        }
    }

    @Test
    void theFirstPushRecordsEveryFeatureAndASecondPushNothing() {
        MetadataStore s = store(projectGraph("1"));
        try (var w = openW(s)) {
            GraphSnapshots snapshots = new GraphSnapshots(s);
            PushResult first = snapshots.push(null, Map.of());
            assertThat(first.alreadyPushed()).isFalse();
            assertThat(first.projectVersion()).isEqualTo(s.graph().versions().projectVersion("proj"));
            List<Map<String, Object>> rows = snapshots.rows("proj");
            assertThat(rows).hasSize(2);
            assertThat(valueSet(rows, "feature_key")).containsExactly("sys/child", "sys/root");
            assertThat(rowWith(rows, "feature_key", "sys/child").get("metaxy_feature_version"))
                .isEqualTo(s.graph().versions().featureVersion("sys/child"));
            assertThat(rows).allSatisfy(r -> assertThat(r.get("metaxy_project_version")).isEqualTo(first.projectVersion()));

            PushResult second = snapshots.push(null, Map.of());
            assertThat(second.alreadyPushed()).isTrue();
            assertThat(second.updatedFeatures()).isEmpty();
            assertThat(snapshots.rows("proj")).hasSize(2);
        }
    }

    @Test
    void pushesAreAppendOnlyAndAVersionCycleIsPushedEveryTime() throws Exception {
        Path d = dir("push");
        PushResult v1 = push(projectGraph("1"), d);
        Thread.sleep(2);
        PushResult v2 = push(projectGraph("2"), d);
        Thread.sleep(2);
        PushResult v1again = push(projectGraph("1"), d);
        assertThat(v1.projectVersion()).isNotEqualTo(v2.projectVersion());
        assertThat(v1again.projectVersion()).isEqualTo(v1.projectVersion());
        assertThat(List.of(v1.alreadyPushed(), v2.alreadyPushed(), v1again.alreadyPushed())).containsOnly(false);
        MetadataStore s = store(projectGraph("1"), settings().withDirectory(d));
        try (var r = openR(s)) {
            List<Map<String, Object>> rows = new GraphSnapshots(s).rows("proj");
            assertThat(rows).hasSize(6);
            assertThat(values(rows, "metaxy_project_version")).filteredOn(v -> v.equals(v1.projectVersion())).hasSize(4);
        }
    }

    private PushResult push(FeatureGraph g, Path d) {
        MetadataStore s = store(g, settings().withDirectory(d));
        try (var w = openW(s)) {
            return new GraphSnapshots(s).push(null, Map.of());
        }
    }
}
