package dev.metaxy.iceberg;

import dev.metaxy.lake.DuckDbParquet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/** Arrow (DuckDB query) schemas to Iceberg schemas, and Iceberg schemas to DuckDB types. */
final class IcebergSchemas {
    private IcebergSchemas() {
    }

    /** An Iceberg schema with provisional field ids (the catalog assigns fresh ones). */
    static Schema fromArrow(org.apache.arrow.vector.types.pojo.Schema schema) {
        AtomicInteger ids = new AtomicInteger();
        List<Types.NestedField> fields = new ArrayList<>();
        for (Field f : schema.getFields()) {
            int id = ids.incrementAndGet();
            fields.add(Types.NestedField.optional(id, f.getName(), type(f, ids)));
        }
        return new Schema(fields);
    }

    private static Type type(Field f, AtomicInteger ids) {
        ArrowType t = f.getType();
        if (t instanceof ArrowType.Utf8 || t instanceof ArrowType.LargeUtf8 || t instanceof ArrowType.Utf8View || t instanceof ArrowType.Null) {
            return Types.StringType.get();
        }
        if (t instanceof ArrowType.Int i) {
            int bits = i.getIsSigned() ? i.getBitWidth() : i.getBitWidth() * 2;
            return bits <= 32 ? Types.IntegerType.get() : Types.LongType.get();
        }
        if (t instanceof ArrowType.FloatingPoint fp) {
            return fp.getPrecision() == FloatingPointPrecision.DOUBLE ? Types.DoubleType.get() : Types.FloatType.get();
        }
        if (t instanceof ArrowType.Bool) {
            return Types.BooleanType.get();
        }
        if (t instanceof ArrowType.Binary || t instanceof ArrowType.LargeBinary || t instanceof ArrowType.FixedSizeBinary
            || t instanceof ArrowType.BinaryView) {
            return Types.BinaryType.get();
        }
        if (t instanceof ArrowType.Date) {
            return Types.DateType.get();
        }
        if (t instanceof ArrowType.Timestamp ts) {
            return ts.getTimezone() == null ? Types.TimestampType.withoutZone() : Types.TimestampType.withZone();
        }
        if (t instanceof ArrowType.Decimal d) {
            return Types.DecimalType.of(d.getPrecision(), d.getScale());
        }
        if (t instanceof ArrowType.Struct) {
            List<Types.NestedField> fields = new ArrayList<>();
            for (Field c : f.getChildren()) {
                int id = ids.incrementAndGet();
                fields.add(Types.NestedField.optional(id, c.getName(), type(c, ids)));
            }
            return Types.StructType.of(fields);
        }
        if (t instanceof ArrowType.Map) {
            Field entries = f.getChildren().get(0);
            int k = ids.incrementAndGet();
            int v = ids.incrementAndGet();
            return Types.MapType.ofOptional(k, v, type(entries.getChildren().get(0), ids), type(entries.getChildren().get(1), ids));
        }
        if (t instanceof ArrowType.List || t instanceof ArrowType.LargeList || t instanceof ArrowType.FixedSizeList) {
            int e = ids.incrementAndGet();
            return Types.ListType.ofOptional(e, type(f.getChildren().get(0), ids));
        }
        throw new IllegalArgumentException("Column '" + f.getName() + "' has type " + t + ", which Iceberg cannot store");
    }

    static LinkedHashMap<String, String> toDuckDb(Schema schema) {
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        for (Types.NestedField f : schema.columns()) {
            out.put(f.name(), duckdb(f.type()));
        }
        return out;
    }

    private static String duckdb(Type t) {
        switch (t.typeId()) {
            case STRING:
                return "VARCHAR";
            case LONG:
                return "BIGINT";
            case INTEGER:
                return "INTEGER";
            case DOUBLE:
                return "DOUBLE";
            case FLOAT:
                return "FLOAT";
            case BOOLEAN:
                return "BOOLEAN";
            case BINARY:
            case FIXED:
                return "BLOB";
            case DATE:
                return "DATE";
            case UUID:
                return "UUID";
            case TIMESTAMP:
                return ((Types.TimestampType) t).shouldAdjustToUTC() ? "TIMESTAMPTZ" : "TIMESTAMP";
            case DECIMAL:
                Types.DecimalType d = (Types.DecimalType) t;
                return "DECIMAL(" + d.precision() + ", " + d.scale() + ")";
            case STRUCT:
                List<String> parts = new ArrayList<>();
                for (Types.NestedField f : t.asStructType().fields()) {
                    parts.add(DuckDbParquet.ident(f.name()) + " " + duckdb(f.type()));
                }
                return "STRUCT(" + String.join(", ", parts) + ")";
            case LIST:
                return duckdb(t.asListType().elementType()) + "[]";
            case MAP:
                return "MAP(" + duckdb(t.asMapType().keyType()) + ", " + duckdb(t.asMapType().valueType()) + ")";
            default:
                throw new IllegalArgumentException("Iceberg type " + t + " has no DuckDB equivalent here");
        }
    }
}
