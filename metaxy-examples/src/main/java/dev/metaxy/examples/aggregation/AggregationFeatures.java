package dev.metaxy.examples.aggregation;

import dev.metaxy.definition.FeatureDefinition;
import dev.metaxy.definition.FeatureDep;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.Lineage;
import dev.metaxy.examples.support.PydanticSchema;
import dev.metaxy.examples.support.PydanticSchema.Type;
import java.util.List;

/**
 * Features of the N:1 aggregation example: {@code audio} recordings (one row per recording) and one
 * {@code speaker/embedding} per speaker, computed from all of that speaker's recordings. The dependency's
 * aggregation lineage on {@code speaker_id} tells Metaxy that many audio rows make one embedding row.
 */
public final class AggregationFeatures {
    public static final String AUDIO = "audio";
    public static final String SPEAKER_EMBEDDING = "speaker/embedding";

    private AggregationFeatures() {
    }

    public static List<FeatureDefinition> features() {
        String audioDoc = "Audio recordings of different speakers.";
        FeatureSpec audio = FeatureSpec.builder(AUDIO)
            .idColumns("audio_id")
            .field("default")
            .description(audioDoc)
            .build();
        String embeddingDoc = "Speaker embedding aggregated from all their audio recordings.\n\n"
            + "This demonstrates N:1 aggregation lineage where multiple audio recordings\n"
            + "from the same speaker are aggregated into a single speaker embedding.";
        FeatureSpec embedding = FeatureSpec.builder(SPEAKER_EMBEDDING)
            .idColumns("speaker_id")
            .dependsOn(FeatureDep.on(audio.key()).lineage(Lineage.aggregation("speaker_id")))
            .field("embedding", "1")
            .description(embeddingDoc)
            .build();
        return List.of(
            FeatureDefinition.of(audio, PydanticSchema.model("Audio").description(audioDoc)
                .column("audio_id", Type.STRING)
                .column("speaker_id", Type.STRING)
                .column("duration_seconds", Type.NUMBER)
                .column("path", Type.STRING)
                .build(), AggregationFeatures.class.getName() + ".Audio", null),
            FeatureDefinition.of(embedding, PydanticSchema.model("SpeakerEmbedding").description(embeddingDoc)
                .column("speaker_id", Type.STRING)
                .column("n_dim", Type.INTEGER)
                .column("path", Type.STRING)
                .build(), AggregationFeatures.class.getName() + ".SpeakerEmbedding", null));
    }
}
