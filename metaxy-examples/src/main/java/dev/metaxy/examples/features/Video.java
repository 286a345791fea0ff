package dev.metaxy.examples.features;

import dev.metaxy.definition.Feature;
import dev.metaxy.definition.FeatureSpec;

/** The root feature: one row per video sample, with an audio and a frames field (user columns: path, duration). */
public final class Video implements Feature {
    public static final FeatureSpec SPEC = FeatureSpec.builder("video")
        .idColumns("sample_uid")
        .field("audio", "1")
        .field("frames", "1")
        .description("Raw video samples (root feature).")
        .build();

    private Video() {
    }
}
