package dev.metaxy.examples.expansion;

import dev.metaxy.definition.FeatureDefinition;
import java.util.List;

/**
 * The expansion example's features after the code change of {@code patches/01_update_video_code_version.env}: the
 * raw video's audio code version goes from 1 to 2. Chunks depend on the audio and change version; face recognition
 * reads only frames and keeps its version.
 */
public final class ExpansionFeaturesPatched {
    private ExpansionFeaturesPatched() {
    }

    public static List<FeatureDefinition> features() {
        return ExpansionFeatures.definitions("2");
    }
}
