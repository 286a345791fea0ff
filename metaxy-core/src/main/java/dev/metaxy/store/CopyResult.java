package dev.metaxy.store;

import dev.metaxy.definition.FeatureKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link MetadataStore#copyMetadata} did (reference {@code {"features_copied", "rows_copied"}}), plus the rows per
 * copied feature and the features skipped (absent from the source, or no rows).
 */
public record CopyResult(Map<FeatureKey, Long> rowsByFeature, List<FeatureKey> skipped) {
    public CopyResult {
        rowsByFeature = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rowsByFeature));
        skipped = List.copyOf(skipped);
    }

    public int featuresCopied() {
        return rowsByFeature.size();
    }

    public long rowsCopied() {
        return rowsByFeature.values().stream().mapToLong(Long::longValue).sum();
    }

    /** {@code {features_copied, rows_copied}} as the reference returns it. */
    public Map<String, Long> toMap() {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("features_copied", (long) featuresCopied());
        out.put("rows_copied", rowsCopied());
        return out;
    }
}
