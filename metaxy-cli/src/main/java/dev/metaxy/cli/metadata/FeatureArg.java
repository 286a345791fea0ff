package dev.metaxy.cli.metadata;

import dev.metaxy.cli.CliException;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.definition.InvalidKeyException;
import dev.metaxy.graph.FeatureGraph;

/** The single {@code FEATURE} argument of rebase, write, read and resolve: a valid key of a feature in the graph. */
final class FeatureArg {
    private FeatureArg() {
    }

    static FeatureKey resolve(FeatureGraph graph, String raw) {
        FeatureKey key;
        try {
            key = FeatureKey.of(raw);
        } catch (InvalidKeyException e) {
            throw new CliException("Invalid feature key '" + raw + "': " + e.getMessage());
        }
        if (!graph.contains(key)) {
            throw new CliException("Feature '" + key + "' not found in graph");
        }
        return key;
    }
}
