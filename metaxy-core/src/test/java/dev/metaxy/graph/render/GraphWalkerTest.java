package dev.metaxy.graph.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metaxy.definition.FeatureDefinition;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.graph.FeatureGraph;
import org.junit.jupiter.api.Test;

class GraphWalkerTest {
    private static GraphData chain() {
        FeatureGraph g = new FeatureGraph();
        g.register(FeatureDefinition.of(FeatureSpec.builder("a").idColumns("id").build(), null, null, "p"));
        g.register(FeatureDefinition.of(FeatureSpec.builder("b").idColumns("id").dependsOn("a").build(), null, null, "p"));
        g.register(FeatureDefinition.of(FeatureSpec.builder("c").idColumns("id").dependsOn("b").build(), null, null, "q"));
        g.register(FeatureDefinition.of(FeatureSpec.builder("d").idColumns("id").dependsOn("c").build(), null, null, "q"));
        return GraphData.of(g, "pv");
    }

    @Test
    void focusTakesLevelsUpAndDown() {
        GraphWalker w = new GraphWalker(chain());
        assertThat(w.subgraph(FeatureKey.of("c"), 1, 0).nodes().keySet()).containsExactly("b", "c");
        assertThat(w.subgraph(FeatureKey.of("b"), 0, null).nodes().keySet()).containsExactly("b", "c", "d");
        assertThat(w.subgraph(FeatureKey.of("d"), -1, 0).nodes().keySet()).containsExactly("a", "b", "c", "d");
    }

    @Test
    void projectViewKeepsDirectDependencies() {
        assertThat(new GraphWalker(chain()).projectView("q").nodes().keySet()).containsExactly("b", "c", "d");
    }

    @Test
    void topologicalOrderBreaksTiesCaseInsensitively() {
        assertThat(new GraphWalker(chain()).topologicalOrder()).extracting(n -> n.key().toString()).containsExactly("a", "b", "c", "d");
    }
}
