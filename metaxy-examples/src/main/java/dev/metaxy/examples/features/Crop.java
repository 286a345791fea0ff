package dev.metaxy.examples.features;

import dev.metaxy.definition.Feature;
import dev.metaxy.definition.FeatureSpec;

/** Cropped videos: audio and frames, each depending on the same-name field of {@code video}. */
public final class Crop implements Feature {
    public static final FeatureSpec SPEC = FeatureSpec.builder("video/crop")
        .idColumns("sample_uid")
        .dependsOn(Video.class)
        .field("audio", "1")
        .field("frames", "1")
        .description("Videos cropped around the speaker.")
        .build();

    private Crop() {
    }
}
