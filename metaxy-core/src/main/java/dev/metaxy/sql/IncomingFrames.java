package dev.metaxy.sql;

import dev.metaxy.definition.SystemColumns;
import dev.metaxy.frame.Frame;
import dev.metaxy.store.MetadataSchemaException;
import dev.metaxy.versioning.FeaturePlan;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/** Checks of a frame a store is given (rows to write, resolve samples) before anything runs or is written. */
final class IncomingFrames {
    private IncomingFrames() {
    }

    /** Checks the id, by-field and string system columns of {@code frame}; returns whether its by-field column is a MAP. */
    static boolean validate(FeaturePlan plan, Frame frame) {
        String key = plan.target().key().toString();
        if (!frame.hasColumn(SystemColumns.PROVENANCE_BY_FIELD)) {
            throw new MetadataSchemaException("DataFrame must have '" + SystemColumns.PROVENANCE_BY_FIELD
                + "' column (feature " + key + "; columns: " + frame.columnNames() + ")");
        }
        for (String id : plan.target().idColumns()) {
            if (!frame.hasColumn(id)) {
                throw new MetadataSchemaException("Feature " + key + ": the frame lacks id column '" + id + "' (columns: "
                    + frame.columnNames() + ")");
            }
            if (frame.root().getVector(id).getNullCount() > 0) {
                throw new MetadataSchemaException("Feature " + key + ": id column '" + id + "' contains nulls");
            }
        }
        boolean isMap = false;
        for (String col : List.of(SystemColumns.PROVENANCE_BY_FIELD, SystemColumns.DATA_VERSION_BY_FIELD)) {
            if (frame.hasColumn(col)) {
                isMap |= checkByField(plan, frame.schema().findField(col), key);
            }
        }
        for (String col : List.of(SystemColumns.PROVENANCE, SystemColumns.DATA_VERSION, SystemColumns.FEATURE_VERSION,
            SystemColumns.PROJECT_VERSION, SystemColumns.MATERIALIZATION_ID)) {
            if (frame.hasColumn(col)) {
                ArrowType t = frame.schema().findField(col).getType();
                if (!(t instanceof ArrowType.Utf8 || t instanceof ArrowType.LargeUtf8 || t instanceof ArrowType.Null)) {
                    throw new MetadataSchemaException("Feature " + key + ": column '" + col + "' must be a string, got " + t);
                }
            }
        }
        return isMap;
    }

    /** A MAP passes (true); a STRUCT must have every field of the plan (false); anything else is an error. */
    private static boolean checkByField(FeaturePlan plan, Field f, String key) {
        if (f.getType() instanceof ArrowType.Map) {
            return true;
        }
        if (!(f.getType() instanceof ArrowType.Struct)) {
            throw new MetadataSchemaException("'" + f.getName() + "' column must be a Struct or Map, got " + f.getType()
                + " (feature " + key + ")");
        }
        List<String> children = structKeys(f);
        for (FeaturePlan.FieldPlan fp : plan.fields()) {
            if (!children.contains(fp.structKey())) {
                throw new MetadataSchemaException("Feature " + key + ": '" + f.getName() + "' has no entry for field '"
                    + fp.structKey() + "' (it has " + children + ")");
            }
        }
        return false;
    }

    /** The child names of a STRUCT column of {@code frame} (empty for other types). */
    static List<String> structKeys(Frame frame, String column) {
        Field f = frame.schema().findField(column);
        return f.getType() instanceof ArrowType.Struct ? structKeys(f) : List.of();
    }

    private static List<String> structKeys(Field f) {
        List<String> out = new ArrayList<>();
        f.getChildren().forEach(c -> out.add(c.getName()));
        return out;
    }
}
