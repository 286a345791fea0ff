package dev.metaxy.system;

import dev.metaxy.definition.FeatureKey;
import java.util.List;

/** Keys and columns of Metaxy's system tables (shared with Python Metaxy). */
public final class SystemTables {
    /** The first key part that marks a system table. */
    public static final String NAMESPACE = "metaxy-system";
    /** Pushed graph snapshots: one row per feature definition per push. */
    public static final FeatureKey FEATURE_VERSIONS = FeatureKey.of(NAMESPACE, "feature_versions");
    /** Reserved for events (no event types are defined yet). */
    public static final FeatureKey EVENTS = FeatureKey.of(NAMESPACE, "events");

    /** Columns of the feature_versions table, in table order. */
    public static final List<String> FEATURE_VERSIONS_COLUMNS = List.of("project", "feature_key", "metaxy_feature_version",
        "metaxy_definition_version", "recorded_at", "feature_spec", "feature_schema", "feature_class_path",
        "metaxy_project_version", "tags", "deleted_at");

    private SystemTables() {
    }

    /** True for keys in the {@code metaxy-system} namespace. */
    public static boolean isSystemKey(FeatureKey key) {
        return key.parts().get(0).equals(NAMESPACE);
    }
}
