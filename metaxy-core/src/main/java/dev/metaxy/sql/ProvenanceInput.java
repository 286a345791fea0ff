package dev.metaxy.sql;

import dev.metaxy.definition.SystemColumns;
import dev.metaxy.store.MetadataSchemaException;
import dev.metaxy.versioning.DepPlan;
import dev.metaxy.versioning.FeaturePlan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The rows given to {@code compute_provenance}: checked to hold every dependency's renamed
 * {@code metaxy_data_version_by_field__<suffix>} column, with which of those are MAPs (the others STRUCTs) and which
 * columns the result drops (the renamed upstream by-field and provenance columns, and the target's own four
 * versioning columns, which are recomputed).
 */
public final class ProvenanceInput {
    private final Set<String> mapColumns;
    private final Set<String> dropped;

    private ProvenanceInput(Set<String> mapColumns, Set<String> dropped) {
        this.mapColumns = Set.copyOf(mapColumns);
        this.dropped = Set.copyOf(dropped);
    }

    /**
     * Checks {@code schema} against {@code plan}.
     *
     * @throws IllegalArgumentException when a renamed upstream column is missing
     * @throws MetadataSchemaException  when one is neither a STRUCT nor a MAP
     */
    public static ProvenanceInput of(FeaturePlan plan, Schema schema) {
        List<String> missing = new ArrayList<>();
        Set<String> maps = new HashSet<>();
        Set<String> dropped = new HashSet<>(SystemColumns.VERSIONING);
        for (DepPlan dep : plan.deps()) {
            String column = SystemColumns.DATA_VERSION_BY_FIELD + dep.suffix();
            dropped.add(column);
            dropped.add(SystemColumns.PROVENANCE_BY_FIELD + dep.suffix());
            dropped.add(SystemColumns.PROVENANCE + dep.suffix());
            Field field = schema.getFields().stream().filter(f -> f.getName().equals(column)).findFirst().orElse(null);
            if (field == null) {
                missing.add("'" + column + " (from upstream feature " + dep.upstream() + ")'");
            } else if (field.getType() instanceof ArrowType.Map) {
                maps.add(column);
            } else if (!(field.getType() instanceof ArrowType.Struct)) {
                throw new MetadataSchemaException("Column '" + column + "' must be a Struct or Map, got " + field.getType());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("DataFrame is missing required upstream columns for computing provenance of "
                + "feature " + plan.key() + ". Missing columns: [" + String.join(", ", missing) + "]. Make sure to rename "
                + "metaxy_data_version_by_field columns from each upstream feature using the pattern "
                + "metaxy_data_version_by_field__<feature_key.table_name>.");
        }
        return new ProvenanceInput(maps, dropped);
    }

    /** Whether the renamed upstream by-field column {@code column} is a MAP. */
    public boolean isMap(String column) {
        return mapColumns.contains(column);
    }

    /** Whether an input column is carried into the result. */
    public boolean keeps(String column) {
        return !dropped.contains(column);
    }
}
