package dev.metaxy.system;

import java.util.List;

/** The outcome of a graph push: the project version, whether it was already recorded, and re-recorded features. */
public record PushResult(String projectVersion, boolean alreadyPushed, List<String> updatedFeatures) {
    public PushResult {
        updatedFeatures = List.copyOf(updatedFeatures);
    }
}
