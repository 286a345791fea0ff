package dev.metaxy.examples.features;

import dev.metaxy.definition.Feature;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.FieldDep;

/** Transcripts; depends only on {@code video}'s audio field. */
public final class SpeechToText implements Feature {
    public static final FeatureSpec SPEC = FeatureSpec.builder("video/speech_to_text")
        .idColumns("sample_uid")
        .dependsOn(Video.class)
        .field("transcription", "1", FieldDep.on(Video.SPEC.key(), "audio"))
        .description("Speech-to-text transcripts of the audio track.")
        .build();

    private SpeechToText() {
    }
}
