package dev.metaxy.examples.basic;

import dev.metaxy.definition.FeatureDefinition;
import java.util.List;

/**
 * The basic example's features after the code change of {@code patches/01_update_parent_algorithm.env}: the parent's
 * {@code embeddings} algorithm changed, so its code version goes from 1 to 2. Everything else is unchanged.
 */
public final class BasicFeaturesPatched {
    private BasicFeaturesPatched() {
    }

    public static List<FeatureDefinition> features() {
        return BasicFeatures.definitions("2");
    }
}
