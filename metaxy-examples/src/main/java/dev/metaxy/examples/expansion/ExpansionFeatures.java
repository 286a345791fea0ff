package dev.metaxy.examples.expansion;

import dev.metaxy.definition.FeatureDefinition;
import dev.metaxy.definition.FeatureDep;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.FieldDep;
import dev.metaxy.definition.FieldSpec;
import dev.metaxy.definition.Lineage;
import dev.metaxy.examples.support.PydanticSchema;
import dev.metaxy.examples.support.PydanticSchema.Type;
import java.util.List;

/**
 * Features of the 1:N expansion example: raw videos ({@code video/raw}: audio and frames), each split into several
 * chunks ({@code video/chunk}, expansion lineage on {@code video_id}), and face recognition per chunk
 * ({@code video/faces}) that reads only the chunks' frames. {@link ExpansionFeaturesPatched} changes the audio code.
 */
public final class ExpansionFeatures {
    public static final String VIDEO = "video/raw";
    public static final String CHUNK = "video/chunk";
    public static final String FACES = "video/faces";

    private ExpansionFeatures() {
    }

    /** The entrypoint: the raw video's audio at code version 1. */
    public static List<FeatureDefinition> features() {
        return definitions("1");
    }

    static List<FeatureDefinition> definitions(String audioCodeVersion) {
        FeatureSpec video = FeatureSpec.builder(VIDEO)
            .idColumns("video_id")
            .field("audio", audioCodeVersion)
            .field("frames")
            .build();
        FeatureSpec chunk = FeatureSpec.builder(CHUNK)
            .idColumns("video_chunk_id")
            .dependsOn(FeatureDep.on(video.key()).lineage(Lineage.expansion("video_id")))   // one video -> many chunks
            .field("audio")
            .field("frames")
            .build();
        FeatureSpec faces = FeatureSpec.builder(FACES)
            .idColumns("video_chunk_id")
            .dependsOn(chunk)
            .field("faces", FieldSpec.DEFAULT_CODE_VERSION, FieldDep.on(chunk.key(), "frames"))   // faces only look at the frames
            .build();
        String base = ExpansionFeatures.class.getName();
        return List.of(
            FeatureDefinition.of(video, PydanticSchema.model("Video")
                .column("video_id", Type.STRING).column("path", Type.STRING).build(), base + ".Video", null),
            FeatureDefinition.of(chunk, PydanticSchema.model("VideoChunk")
                .column("video_id", Type.STRING).column("video_chunk_id", Type.STRING).column("path", Type.STRING).build(),
                base + ".VideoChunk", null),
            FeatureDefinition.of(faces, PydanticSchema.model("FaceRecognition")
                .column("video_chunk_id", Type.STRING).column("num_faces", Type.INTEGER).build(), base + ".FaceRecognition", null));
    }
}
