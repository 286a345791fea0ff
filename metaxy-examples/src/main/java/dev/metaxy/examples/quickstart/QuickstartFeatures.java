package dev.metaxy.examples.quickstart;

import dev.metaxy.definition.FeatureDefinition;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.examples.support.PydanticSchema;
import dev.metaxy.examples.support.PydanticSchema.Type;
import java.util.List;

/**
 * Features of the quickstart: a root {@code video} and an {@code audio} feature extracted from it. Neither declares
 * fields, so each has the single field {@code default}; the columns are documented in the schema.
 */
public final class QuickstartFeatures {
    public static final String VIDEO = "video";
    public static final String AUDIO = "audio";

    private QuickstartFeatures() {
    }

    public static List<FeatureDefinition> features() {
        FeatureSpec video = FeatureSpec.builder(VIDEO).idColumns("id").build();
        FeatureSpec audio = FeatureSpec.builder(AUDIO).idColumns("id").dependsOn(video).build();
        return List.of(
            FeatureDefinition.of(video, PydanticSchema.model("Video")
                .column("raw_video_path", Type.STRING, "Path to the raw video file")
                .column("id", Type.STRING, "Unique identifier for the video")
                .column("path", Type.STRING, "Path to the processed video file")
                .build(), QuickstartFeatures.class.getName() + ".Video", null),
            FeatureDefinition.of(audio, PydanticSchema.model("Audio")
                .column("id", Type.STRING, "Unique identifier for the audio")
                .column("path", Type.STRING, "Path to the audio file")
                .build(), QuickstartFeatures.class.getName() + ".Audio", null));
    }
}
