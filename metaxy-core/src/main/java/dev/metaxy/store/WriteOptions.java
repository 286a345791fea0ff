package dev.metaxy.store;

import java.util.Optional;

/** Options of {@link MetadataStore#write}: the materialization id and whether to keep given feature versions. */
public record WriteOptions(String materializationId, boolean preserveFeatureVersion) {
    private static final WriteOptions DEFAULTS = new WriteOptions(null, false);

    public static WriteOptions defaults() {
        return DEFAULTS;
    }

    /** Stamps rows with this orchestration run id (overriding the store default). */
    public WriteOptions withMaterializationId(String id) {
        return new WriteOptions(id, preserveFeatureVersion);
    }

    /** Keeps the frame's {@code metaxy_feature_version}/{@code metaxy_project_version} when both are present. */
    public WriteOptions preservingFeatureVersion() {
        return new WriteOptions(materializationId, true);
    }

    public Optional<String> materializationIdOverride() {
        return Optional.ofNullable(materializationId);
    }
}
