package dev.metaxy.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metaxy.definition.FeatureDefinition;
import dev.metaxy.definition.FeatureSpec;
import org.junit.jupiter.api.Test;

/** Python's rule: a feature defined here always wins over an external placeholder with the same key. */
class ExternalPlaceholderPriorityTest {
    private static final FeatureSpec V1 = FeatureSpec.builder("up/audio").idColumns("id").field("wave", "1").build();
    private static final FeatureSpec V2 = FeatureSpec.builder("up/audio").idColumns("id").field("wave", "2").build();

    @Test
    void aLocalDefinitionReplacesAPlaceholderAndIsNeverReplacedByOne() {
        FeatureGraph g = new FeatureGraph();
        g.register(FeatureDefinition.of(V1).asExternal("metaxy.lock"));
        String placeholderVersion = g.versions().featureVersion("up/audio");
        g.register(FeatureDefinition.of(V2));
        assertThat(g.definition("up/audio").isExternal()).isFalse();
        assertThat(g.versions().featureVersion("up/audio")).isNotEqualTo(placeholderVersion);
        g.register(FeatureDefinition.of(V1).asExternal("metaxy.lock"));
        assertThat(g.definition("up/audio").spec()).isEqualTo(V2);
    }

    @Test
    void twoLocalDefinitionsOrTwoPlaceholdersOfOneKeyAreAnError() {
        assertThatThrownBy(() -> new FeatureGraph().register(V1).register(V2)).isInstanceOf(GraphException.class)
            .hasMessage("Feature 'up/audio' is already registered in this graph");
        FeatureGraph g = new FeatureGraph().register(FeatureDefinition.of(V1).asExternal("a"));
        assertThatThrownBy(() -> g.register(FeatureDefinition.of(V2).asExternal("b"))).isInstanceOf(GraphException.class);
    }

    @Test
    void adoptKeepsWhatIsThereUnlessItIsAPlaceholder() {
        FeatureGraph g = new FeatureGraph().register(FeatureDefinition.of(V1).asExternal("metaxy.lock"));
        assertThat(g.adopt(FeatureDefinition.of(V2))).isTrue();
        assertThat(g.adopt(FeatureDefinition.of(V1))).isFalse();
        assertThat(g.definition("up/audio").spec()).isEqualTo(V2);
        assertThat(new FeatureGraph().adopt(FeatureDefinition.of(V1))).isTrue();
    }
}
