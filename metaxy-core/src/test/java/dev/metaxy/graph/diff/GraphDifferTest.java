package dev.metaxy.graph.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.graph.FeatureGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphDifferTest {
    private static FeatureSpec root(String key, String codeVersion) {
        return FeatureSpec.builder(key).idColumns("id").field("f", codeVersion).build();
    }

    private static FeatureSpec child(String key, FeatureSpec up) {
        return FeatureSpec.builder(key).idColumns("id").dependsOn(up).field("g", "1").build();
    }

    @Test
    void statusesFieldChangesAndEdges() {
        FeatureSpec a1 = root("a", "1");
        FeatureSpec a2 = FeatureSpec.builder("a").idColumns("id").field("f", "2").field("h", "1").build();
        FeatureGraph before = FeatureGraph.of(List.of(a1, child("b", a1), root("_gone", "1")));
        FeatureGraph after = FeatureGraph.of(List.of(a2, child("b", a2), root("c", "1")));
        GraphDiff diff = GraphDiffer.diff(before, "v1", after, "v2");
        assertThat(diff.nodes().keySet()).as("sorted by key").containsExactly("_gone", "a", "b", "c");
        assertThat(diff.nodes().get("a").status()).isEqualTo(DiffStatus.CHANGED);
        assertThat(diff.nodes().get("a").fieldChanges()).extracting(FieldChange::fieldKey).containsExactly("h", "f");
        assertThat(diff.nodes().get("a").fieldChanges().get(0).isAdded()).isTrue();
        assertThat(diff.nodes().get("a").fieldChanges().get(1).isChanged()).isTrue();
        assertThat(diff.nodes().get("b").status()).as("only the definition version counts").isEqualTo(DiffStatus.UNCHANGED);
        assertThat(diff.nodes().get("b").oldVersion()).isNotEqualTo(diff.nodes().get("b").newVersion());
        assertThat(diff.nodes().get("c").status()).isEqualTo(DiffStatus.ADDED);
        assertThat(diff.nodes().get("c").oldVersion()).isNull();
        assertThat(diff.nodes().get("_gone").status()).isEqualTo(DiffStatus.REMOVED);
        assertThat(diff.edges()).containsExactly(new GraphDiff.Edge("a", "b"));
        assertThat(diff.hasChanges()).isTrue();
    }

    @Test
    void focusKeepsLevelsAroundAFeature() {
        FeatureSpec a = root("x/a", "1");
        FeatureSpec b = child("x/b", a);
        FeatureSpec c = child("x/c", b);
        FeatureSpec d = child("x/d", c);
        FeatureGraph g = FeatureGraph.of(List.of(a, b, c, d));
        GraphDiff diff = GraphDiffer.diff(g, "v", g, "v");
        assertThat(diff.hasChanges()).isFalse();
        assertThat(diff.focus("x__c", 1, 0).nodes().keySet()).containsExactly("x/b", "x/c");
        assertThat(diff.focus("x/b", null, 1).nodes().keySet()).containsExactly("x/a", "x/b", "x/c");
        assertThat(diff.focus("x/b", 0, null).edges()).containsExactly(new GraphDiff.Edge("x/b", "x/c"), new GraphDiff.Edge("x/c", "x/d"));
        assertThatThrownBy(() -> diff.focus("nope", null, null)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Feature 'nope' not found in graph");
    }
}
