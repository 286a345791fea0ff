package dev.metaxy.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metaxy.definition.Feature;
import dev.metaxy.definition.FeatureDefinition;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.FieldDep;
import dev.metaxy.definition.MetaxyDefinitionException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeatureGraphTest {

    /** Root feature class. */
    public static final class Video implements Feature {
        public static final FeatureSpec SPEC = FeatureSpec.builder("video/raw").idColumns("sample_uid")
            .field("frames", "1").field("audio", "1").build();
    }

    /** Downstream feature class depending on {@link Video}. */
    public static final class Crop implements Feature {
        public static final FeatureSpec SPEC = FeatureSpec.builder("video/crop").idColumns("sample_uid")
            .dependsOn(Video.class).field("frames", "1", FieldDep.on(Video.SPEC.key(), "frames")).build();
    }

    /** Implements Feature but is never registered. */
    public static final class Unregistered implements Feature {
        public static final FeatureSpec SPEC = FeatureSpec.builder("not/here").idColumns("id").build();
    }

    private static FeatureSpec spec(String key, String... deps) {
        FeatureSpec.Builder b = FeatureSpec.builder(key).idColumns("id");
        for (String d : deps) {
            b.dependsOn(d);
        }
        return b.build();
    }

    private static List<FeatureSpec> reversed(List<FeatureSpec> specs) {
        List<FeatureSpec> out = new java.util.ArrayList<>(specs);
        java.util.Collections.reverse(out);
        return out;
    }

    private static List<String> strings(List<FeatureKey> keys) {
        return keys.stream().map(FeatureKey::toString).toList();
    }

    @Test
    void registeredFeaturesCanBeLookedUpEveryWay() {
        FeatureGraph g = new FeatureGraph().register(Video.class).register(Crop.SPEC);
        FeatureKey key = FeatureKey.of("video/raw");
        assertThat(g.keyOf(key)).isEqualTo(key);
        assertThat(g.keyOf("video/raw")).isEqualTo(key);
        assertThat(g.keyOf(List.of("video", "raw"))).isEqualTo(key);
        assertThat(g.keyOf(Video.SPEC)).isEqualTo(key);
        assertThat(g.keyOf(Video.class)).isEqualTo(key);
        assertThat(g.keyOf(Crop.class)).isEqualTo(FeatureKey.of("video/crop"));
        assertThat(g.keyOf(FeatureDefinition.of(Video.SPEC))).isEqualTo(key);
        assertThat(g.spec(Video.class)).isSameAs(Video.SPEC);
        assertThat(g.definition("video/raw").classPath()).contains(Video.class.getName());
        assertThat(g.definition("video/crop").classPath()).isEmpty();
        assertThat(g.contains("video/raw")).isTrue();
        assertThat(g.contains("nope")).isFalse();
        assertThat(g.contains("Not A Key")).isFalse();
        assertThat(g.size()).isEqualTo(2);
        assertThat(g.keys()).containsExactly(key, FeatureKey.of("video/crop"));
    }

    @Test
    void registeringTheSameKeyTwiceIsRejected() {
        FeatureGraph g = new FeatureGraph().register(spec("video/raw"));
        assertThatThrownBy(() -> g.register(spec("video/raw")))
            .isInstanceOf(GraphException.class)
            .hasMessageContaining("'video/raw'")
            .hasMessageContaining("already registered");
        assertThatThrownBy(() -> g.register(FeatureSpec.builder("video/raw").idColumns("other").build()))
            .isInstanceOf(GraphException.class);
        assertThat(g.spec("video/raw").idColumns()).containsExactly("id");
    }

    @Test
    void unknownFeatureListsTheKnownOnes() {
        FeatureGraph g = FeatureGraph.of(List.of(spec("b"), spec("a")));
        assertThatThrownBy(() -> g.keyOf("video/missing"))
            .isInstanceOf(FeatureNotFoundException.class)
            .hasMessageContaining("'video/missing'")
            .hasMessageContaining("known features: [a, b]");
        assertThatThrownBy(() -> g.spec(Unregistered.class))
            .isInstanceOf(FeatureNotFoundException.class)
            .hasMessageContaining("'not/here'");
    }

    @Test
    void lookupInAnEmptyGraphSaysItIsEmpty() {
        assertThatThrownBy(() -> new FeatureGraph().keyOf("a"))
            .isInstanceOf(FeatureNotFoundException.class)
            .hasMessageContaining("'a'")
            .hasMessageContaining("graph is empty");
    }

    @Test
    void classThatIsNotAFeatureClassIsRejected() {
        FeatureGraph g = new FeatureGraph().register(Video.class);
        assertThatThrownBy(() -> g.keyOf(String.class))
            .isInstanceOf(MetaxyDefinitionException.class)
            .hasMessageContaining("java.lang.String")
            .hasMessageContaining("is not a feature class");
    }

    @Test
    void unsupportedReferenceTypesAreRejected() {
        FeatureGraph g = new FeatureGraph();
        assertThatThrownBy(() -> g.keyOf(42))
            .isInstanceOf(MetaxyDefinitionException.class)
            .hasMessageContaining("java.lang.Integer '42'")
            .hasMessageContaining("feature reference");
        assertThatThrownBy(() -> g.keyOf(null)).isInstanceOf(MetaxyDefinitionException.class).hasMessageContaining("null");
        assertThatThrownBy(() -> g.keyOf(List.of("a", 1)))
            .isInstanceOf(MetaxyDefinitionException.class)
            .hasMessageContaining("must contain strings");
    }

    @Test
    void dependencyOnAnUnknownFeatureIsReported() {
        FeatureGraph g = FeatureGraph.of(List.of(spec("a"), spec("b", "a", "ghost")));
        assertThatThrownBy(g::validate)
            .isInstanceOf(GraphException.class)
            .hasMessageContaining("'b' depends on unknown feature 'ghost'")
            .hasMessageContaining("known features: [a, b]");
        assertThatThrownBy(g::topologicalOrder).isInstanceOf(GraphException.class);
    }

    @Test
    void fieldDependencyOnAnUnknownUpstreamFieldIsReported() {
        FeatureSpec crop = FeatureSpec.builder("video/crop").idColumns("sample_uid").dependsOn(Video.class)
            .field("frames", "1", FieldDep.on("video/raw", "frames", "subtitles")).build();
        FeatureGraph g = new FeatureGraph().register(Video.class).register(crop);
        assertThatThrownBy(g::validate)
            .isInstanceOf(GraphException.class)
            .hasMessageContaining("'video/crop'")
            .hasMessageContaining("field 'frames'")
            .hasMessageContaining("unknown field 'subtitles' of 'video/raw'")
            .hasMessageContaining("[frames, audio]");
    }

    @Test
    void cycleIsReportedWithTheWholeLoop() {
        FeatureGraph g = FeatureGraph.of(List.of(spec("a", "b"), spec("b", "c"), spec("c", "a"), spec("d", "a")));
        assertThatThrownBy(g::validate)
            .isInstanceOf(GraphException.class)
            .hasMessageContaining("Dependency cycle: a -> b -> c -> a");
        assertThatThrownBy(g::versions).isInstanceOf(GraphException.class).hasMessageContaining("cycle");
    }

    @Test
    void twoFeatureCycleIsReported() {
        FeatureGraph g = FeatureGraph.of(List.of(spec("x/one", "x/two"), spec("x/two", "x/one")));
        assertThatThrownBy(g::topologicalOrder)
            .isInstanceOf(GraphException.class)
            .hasMessageContaining("x/one -> x/two -> x/one");
    }

    @Test
    void topologicalOrderIsPythonsDfsPostOrderWithAlphabeticalTies() {
        // Python: visit keys sorted (a, b, m, z); each visit first visits its deps sorted alphabetically.
        FeatureGraph g = FeatureGraph.of(List.of(spec("z"), spec("b", "m", "a"), spec("m"), spec("a", "z")));
        assertThat(strings(g.topologicalOrder())).containsExactly("z", "a", "m", "b");
    }

    @Test
    void topologicalOrderIsIndependentOfRegistrationOrder() {
        List<FeatureSpec> specs = List.of(spec("video/raw"), spec("audio/raw"), spec("video/crop", "video/raw"),
            spec("mix", "video/crop", "audio/raw"), spec("aa", "mix"));
        List<String> expected = List.of("audio/raw", "video/raw", "video/crop", "mix", "aa");
        assertThat(strings(FeatureGraph.of(specs).topologicalOrder())).containsExactlyElementsOf(expected);
        assertThat(strings(FeatureGraph.of(reversed(specs)).topologicalOrder())).containsExactlyElementsOf(expected);
    }

    @Test
    void topologicalOrderOfASubsetSkipsFeaturesOutsideIt() {
        FeatureGraph g = FeatureGraph.of(List.of(spec("a"), spec("b", "a"), spec("c", "b")));
        assertThat(strings(g.topologicalOrder(Set.of(FeatureKey.of("c"), FeatureKey.of("a"))))).containsExactly("a", "c");
        assertThatThrownBy(() -> g.topologicalOrder(Set.of(FeatureKey.of("zz"))))
            .isInstanceOf(FeatureNotFoundException.class)
            .hasMessageContaining("'zz'");
    }

    @Test
    void downstreamAndUpstreamAreTransitiveAndDependencyOrdered() {
        FeatureGraph g = FeatureGraph.of(List.of(spec("a"), spec("b", "a"), spec("c", "b"), spec("d", "a"), spec("e")));
        assertThat(strings(g.downstreamOf(List.of(FeatureKey.of("a"))))).containsExactly("b", "c", "d");
        assertThat(strings(g.downstreamOf(List.of(FeatureKey.of("b"))))).containsExactly("c");
        assertThat(g.downstreamOf(List.of(FeatureKey.of("e")))).isEmpty();
        assertThat(strings(g.upstreamOf(FeatureKey.of("c")))).containsExactly("a", "b");
        assertThat(g.upstreamOf(FeatureKey.of("a"))).isEmpty();
        assertThat(strings(g.dependents(FeatureKey.of("a")))).containsExactlyInAnyOrder("b", "d");
        assertThatThrownBy(() -> g.upstreamOf(FeatureKey.of("zz"))).isInstanceOf(FeatureNotFoundException.class);
    }

    @Test
    void removeAndReplaceChangeTheGraph() {
        FeatureGraph g = FeatureGraph.of(List.of(spec("a"), spec("b", "a")));
        g.replace(FeatureDefinition.of(spec("b")));
        assertThat(g.spec("b").deps()).isEmpty();
        g.remove(FeatureKey.of("a"));
        assertThat(g.contains("a")).isFalse();
        assertThatThrownBy(() -> g.remove(FeatureKey.of("a"))).isInstanceOf(FeatureNotFoundException.class).hasMessageContaining("'a'");
        assertThatThrownBy(() -> g.replace(FeatureDefinition.of(spec("q")))).isInstanceOf(FeatureNotFoundException.class)
            .hasMessageContaining("'q'");
    }

    @Test
    void validationIsRedoneAfterTheGraphChanges() {
        FeatureGraph g = FeatureGraph.of(List.of(spec("b", "a")));
        assertThatThrownBy(g::validate).isInstanceOf(GraphException.class);
        g.register(spec("a"));
        g.validate();
        assertThat(strings(g.topologicalOrder())).containsExactly("a", "b");
        g.replace(FeatureDefinition.of(spec("a", "b")));
        assertThatThrownBy(g::validate).isInstanceOf(GraphException.class).hasMessageContaining("a -> b -> a");
    }

    @Test
    void projectsAreCollectedFromDefinitions() {
        FeatureGraph g = new FeatureGraph()
            .register(FeatureDefinition.of(spec("a"), null, "p.A", "proj_b"))
            .register(FeatureDefinition.of(spec("b"), null, "p.B", "proj_a"))
            .register(spec("c"));
        assertThat(g.projects()).containsExactly("proj_a", "proj_b");
    }
}
