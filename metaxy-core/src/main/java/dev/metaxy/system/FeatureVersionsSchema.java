package dev.metaxy.system;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/** The Arrow schema of the feature_versions system table (timestamps without time zone, as Python writes them). */
final class FeatureVersionsSchema {
    static final Schema SCHEMA = build();

    private FeatureVersionsSchema() {
    }

    private static Schema build() {
        List<Field> fields = new ArrayList<>();
        for (String c : SystemTables.FEATURE_VERSIONS_COLUMNS) {
            ArrowType t = c.equals("recorded_at") || c.equals("deleted_at")
                ? new ArrowType.Timestamp(TimeUnit.MICROSECOND, null) : ArrowType.Utf8.INSTANCE;
            fields.add(new Field(c, FieldType.nullable(t), null));
        }
        return new Schema(fields);
    }
}
