package dev.metaxy.definition;

import java.util.List;
import java.util.Set;

/** Names of the columns Metaxy manages in every feature table. */
public final class SystemColumns {
    public static final String PROVENANCE_BY_FIELD = "metaxy_provenance_by_field";
    public static final String PROVENANCE = "metaxy_provenance";
    public static final String DATA_VERSION_BY_FIELD = "metaxy_data_version_by_field";
    public static final String DATA_VERSION = "metaxy_data_version";
    public static final String FEATURE_VERSION = "metaxy_feature_version";
    public static final String PROJECT_VERSION = "metaxy_project_version";
    public static final String CREATED_AT = "metaxy_created_at";
    public static final String UPDATED_AT = "metaxy_updated_at";
    public static final String DELETED_AT = "metaxy_deleted_at";
    public static final String MATERIALIZATION_ID = "metaxy_materialization_id";
    public static final String DEFINITION_VERSION = "metaxy_definition_version";

    /** The four versioning columns, in the order the engine emits them. */
    public static final List<String> VERSIONING = List.of(PROVENANCE_BY_FIELD, PROVENANCE, DATA_VERSION_BY_FIELD, DATA_VERSION);

    /** Every system column of a feature table, in table order. */
    public static final List<String> ALL = List.of(PROVENANCE_BY_FIELD, PROVENANCE, DATA_VERSION_BY_FIELD, DATA_VERSION,
        FEATURE_VERSION, PROJECT_VERSION, CREATED_AT, UPDATED_AT, DELETED_AT, MATERIALIZATION_ID);

    private static final Set<String> ALL_SET = Set.copyOf(ALL);

    private SystemColumns() {
    }

    /** True for a Metaxy system column name (including {@code metaxy_definition_version}). */
    public static boolean isSystemColumn(String name) {
        return ALL_SET.contains(name) || DEFINITION_VERSION.equals(name);
    }
}
