package dev.metaxy.examples.overview;

import dev.metaxy.definition.FeatureDefinition;
import java.util.List;

/**
 * The overview example's features after the code change of {@code patches/01_update_audio_version.env}: the video's
 * audio code version goes from 1 to 2. Crop and speech to text depend on the audio and change version; face
 * detection reads only the crop's frames and keeps its version.
 */
public final class OverviewFeaturesPatched {
    private OverviewFeaturesPatched() {
    }

    public static List<FeatureDefinition> features() {
        return OverviewFeatures.definitions("2");
    }
}
