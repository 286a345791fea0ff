package dev.metaxy.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metaxy.definition.FeatureKey;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.SystemColumns;
import dev.metaxy.expr.Expressions;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.store.CopyListener;
import dev.metaxy.store.CopyOptions;
import dev.metaxy.store.CopyResult;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.ReadOptions;
import dev.metaxy.store.WriteOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** copyMetadata between two stores of the module's kind (§6.1). */
public abstract class CopyContract extends StoreContract {
    private static final FeatureSpec PARENT = rootSpec("copy/parent", "value");
    private static final FeatureSpec CHILD = childSpec("copy/child", PARENT, "derived");
    private static final List<String> COMPARED = List.of(UID, PBF, PROV, SystemColumns.FEATURE_VERSION);

    private FeatureGraph g() {
        return graph(PARENT, CHILD);
    }

    private MetadataStore seededSource() {
        MetadataStore source = store(g(), settings().withDirectory(dir("source")));
        try (var w = openW(source)) {
            write(source, PARENT.key(), List.of(row(UID, "s1", PBF, byField("value", "v1")), row(UID, "s2", PBF, byField("value", "v2"))));
            pause();
            write(source, PARENT.key(), List.of(row(UID, "s1", PBF, byField("value", "v1-new"))));
            try (var old = frame(List.of(row(UID, "s3", PBF, byField("value", "v3"), SystemColumns.FEATURE_VERSION, "oldversion",
                SystemColumns.PROJECT_VERSION, "oldproject")))) {
                source.write(PARENT.key(), old, WriteOptions.defaults().preservingFeatureVersion());
            }
        }
        return source;
    }

    /** Records what the listener hears. */
    private static final class Heard implements CopyListener {
        final List<String> events = new ArrayList<>();

        @Override
        public void starting(FeatureKey feature) {
            events.add("start " + feature);
        }

        @Override
        public void skipped(FeatureKey feature, String reason) {
            events.add(reason);
        }

        @Override
        public void copied(FeatureKey feature, long rows) {
            events.add("copied " + feature + " " + rows);
        }
    }

    @Test
    void copiesTheLatestRowPerSampleOfEveryVersionKeepingFeatureVersions() {
        MetadataStore source = seededSource();
        MetadataStore destination = store(g(), settings().withDirectory(dir("destination")));
        Heard heard = new Heard();
        CopyResult result;
        try (var r = openR(source); var w = openW(destination)) {
            result = destination.copyMetadata(source, List.of(PARENT.key(), CHILD.key()), CopyOptions.defaults().listener(heard));
        }
        assertThat(result.featuresCopied()).isEqualTo(1);
        assertThat(result.rowsCopied()).isEqualTo(3);
        assertThat(result.skipped()).containsExactly(CHILD.key());
        assertThat(result.toMap()).isEqualTo(Map.of("features_copied", 1L, "rows_copied", 3L));
        assertThat(heard.events).containsExactly("start copy/parent", "copied copy/parent 3", "start copy/child",
            "Feature copy/child not found in source store, skipping");
        ReadOptions all = ReadOptions.defaults().withFeatureHistory();
        try (var r = openR(source); var r2 = openR(destination)) {
            assertSameRows("copied rows", readRows(destination, PARENT.key(), all), readRows(source, PARENT.key(), all), COMPARED);
            assertThat(rawCount(destination, PARENT.key())).as("only the latest row of s1 is copied").isEqualTo(3);
            assertThat(destination.hasFeature(CHILD.key())).isFalse();
        }
    }

    @Test
    void filtersAndCurrentVersionOnlyNarrowTheCopy() {
        MetadataStore source = seededSource();
        MetadataStore destination = store(g(), settings().withDirectory(dir("destination")));
        try (var r = openR(source); var w = openW(destination)) {
            CopyResult current = destination.copyMetadata(source, null, CopyOptions.defaults().withFeatureHistory(false)
                .globalFilter(Expressions.parse("sample_uid IN ('s1', 's3')")));
            assertThat(current.rowsCopied()).as("s3 has only an old version").isEqualTo(1);
            assertThat(valueSet(readRows(destination, PARENT.key()), UID)).containsExactly("s1");
            CopyResult perFeature = destination.copyMetadata(source, List.of(PARENT.key()),
                CopyOptions.defaults().filter("copy/parent", "sample_uid = 's3'"));
            assertThat(perFeature.rowsCopied()).isEqualTo(1);
            assertThat(valueSet(readRows(destination, PARENT.key(), ReadOptions.defaults().withFeatureHistory()), UID))
                .containsExactly("s1", "s3");
            CopyResult nothing = destination.copyMetadata(source, List.of(PARENT.key()),
                CopyOptions.defaults().globalFilter(Expressions.parse("sample_uid = 'none'")));
            assertThat(nothing.featuresCopied()).isZero();
            assertThat(nothing.skipped()).containsExactly(PARENT.key());
        }
    }

    @Test
    void bothStoresMustBeOpenAndNothingIsWrittenOtherwise() {
        MetadataStore source = seededSource();
        MetadataStore destination = store(g(), settings().withDirectory(dir("destination")));
        try (var r = openR(destination)) {
            assertThatThrownBy(() -> destination.copyMetadata(source, null, CopyOptions.defaults()))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("Destination store must be opened");
        }
        try (var w = openW(destination)) {
            assertThatThrownBy(() -> destination.copyMetadata(source, null, CopyOptions.defaults()))
                .isInstanceOf(IllegalStateException.class).hasMessage("Source store must be opened before use");
            assertThat(destination.hasFeature(PARENT.key())).isFalse();
        }
    }
}
