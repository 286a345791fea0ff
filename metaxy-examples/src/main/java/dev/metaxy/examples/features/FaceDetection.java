package dev.metaxy.examples.features;

import dev.metaxy.definition.Feature;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.FieldDep;

/** Faces found in the frames; depends only on {@code video}'s frames field, so audio changes leave it alone. */
public final class FaceDetection implements Feature {
    public static final FeatureSpec SPEC = FeatureSpec.builder("video/face_detection")
        .idColumns("sample_uid")
        .dependsOn(Video.class)
        .field("faces", "1", FieldDep.on(Video.SPEC.key(), "frames"))
        .description("Face detection over the video frames.")
        .build();

    private FaceDetection() {
    }
}
