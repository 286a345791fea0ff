package dev.metaxy.examples.overview;

import dev.metaxy.definition.FeatureDefinition;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.FieldDep;
import dev.metaxy.examples.support.PydanticSchema;
import dev.metaxy.examples.support.PydanticSchema.Type;
import java.util.List;

/**
 * Features of the overview example: a root {@code example/video} (audio and frames), {@code example/crop} (each field
 * from the same-name video field), {@code example/face_detection} (from the crop's frames) and {@code example/stt}
 * (speech to text, from the video's audio). {@link OverviewFeaturesPatched} changes the video's audio code.
 */
public final class OverviewFeatures {
    public static final String VIDEO = "example/video";
    public static final String CROP = "example/crop";
    public static final String FACE_DETECTION = "example/face_detection";
    public static final String STT = "example/stt";

    private OverviewFeatures() {
    }

    /** The entrypoint: every code version 1. */
    public static List<FeatureDefinition> features() {
        return definitions("1");
    }

    static List<FeatureDefinition> definitions(String videoAudioCodeVersion) {
        String videoDoc = "Video metadata feature (root).";
        FeatureSpec video = FeatureSpec.builder(VIDEO)
            .idColumns("sample_uid")
            .field("audio", videoAudioCodeVersion)
            .field("frames", "1")
            .description(videoDoc)
            .build();
        FeatureSpec crop = FeatureSpec.builder(CROP)
            .idColumns("sample_uid")
            .dependsOn(video)
            .field("audio", "1", FieldDep.on(video.key(), "audio"))
            .field("frames", "1", FieldDep.on(video.key(), "frames"))
            .build();
        FeatureSpec faces = FeatureSpec.builder(FACE_DETECTION)
            .idColumns("sample_uid")
            .dependsOn(crop)
            .field("faces", "1", FieldDep.on(crop.key(), "frames"))
            .build();
        FeatureSpec stt = FeatureSpec.builder(STT)
            .idColumns("sample_uid")
            .dependsOn(video)
            .field("transcription", "1", FieldDep.on(video.key(), "audio"))
            .build();
        String base = OverviewFeatures.class.getName();
        return List.of(
            FeatureDefinition.of(video, PydanticSchema.model("Video").description(videoDoc)
                .column("frames", Type.INTEGER).column("duration", Type.NUMBER).column("size", Type.INTEGER).build(),
                base + ".Video", null),
            FeatureDefinition.of(crop, PydanticSchema.model("Crop").build(), base + ".Crop", null),
            FeatureDefinition.of(faces, PydanticSchema.model("FaceDetection").build(), base + ".FaceDetection", null),
            FeatureDefinition.of(stt, PydanticSchema.model("SpeechToText").build(), base + ".SpeechToText", null));
    }
}
