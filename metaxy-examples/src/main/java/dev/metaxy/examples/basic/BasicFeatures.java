package dev.metaxy.examples.basic;

import dev.metaxy.definition.FeatureDefinition;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.examples.support.PydanticSchema;
import java.util.List;

/**
 * Features of the basic example, as first written (the {@code metaxy.toml} entrypoint): {@code examples/parent}
 * with one field, {@code embeddings} (code version 1), and {@code examples/child}, whose {@code predictions}
 * depend on it. {@link BasicFeaturesPatched} is the same code after the algorithm change.
 */
public final class BasicFeatures {
    public static final String PARENT = "examples/parent";
    public static final String CHILD = "examples/child";

    private BasicFeatures() {
    }

    /** The entrypoint: definitions with the parent's embeddings at code version 1. */
    public static List<FeatureDefinition> features() {
        return definitions("1");
    }

    static List<FeatureDefinition> definitions(String embeddingsCodeVersion) {
        String parentDoc = "Parent feature that generates embeddings from raw data.";
        FeatureSpec parent = FeatureSpec.builder(PARENT)
            .idColumns("sample_uid")
            .field("embeddings", embeddingsCodeVersion)
            .description(parentDoc)
            .build();
        String childDoc = "Child feature that uses parent embeddings to generate predictions.";
        FeatureSpec child = FeatureSpec.builder(CHILD)
            .idColumns("sample_uid")
            .dependsOn(parent)
            .field("predictions")
            .description(childDoc)
            .build();
        return List.of(
            FeatureDefinition.of(parent, PydanticSchema.model("ParentFeature").description(parentDoc).build(),
                BasicFeatures.class.getName() + ".ParentFeature", null),
            FeatureDefinition.of(child, PydanticSchema.model("ChildFeature").description(childDoc).build(),
                BasicFeatures.class.getName() + ".ChildFeature", null));
    }
}
