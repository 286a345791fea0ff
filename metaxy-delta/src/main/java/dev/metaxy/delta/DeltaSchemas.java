package dev.metaxy.delta;

import dev.metaxy.lake.DuckDbParquet;
import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.BinaryType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.ByteType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/** Arrow (DuckDB query) schemas to Delta schemas, Delta schemas to DuckDB types, and additive schema merging. */
final class DeltaSchemas {
    private DeltaSchemas() {
    }

    static StructType fromArrow(Schema schema) {
        List<StructField> fields = new ArrayList<>();
        for (Field f : schema.getFields()) {
            fields.add(new StructField(f.getName(), type(f), true));
        }
        return new StructType(fields);
    }

    private static DataType type(Field f) {
        ArrowType t = f.getType();
        if (t instanceof ArrowType.Utf8 || t instanceof ArrowType.LargeUtf8 || t instanceof ArrowType.Utf8View || t instanceof ArrowType.Null) {
            return StringType.STRING;
        }
        if (t instanceof ArrowType.Int i) {
            int bits = i.getIsSigned() ? i.getBitWidth() : i.getBitWidth() * 2;
            return bits <= 8 ? ByteType.BYTE : bits <= 16 ? ShortType.SHORT : bits <= 32 ? IntegerType.INTEGER : LongType.LONG;
        }
        if (t instanceof ArrowType.FloatingPoint fp) {
            return fp.getPrecision() == FloatingPointPrecision.DOUBLE ? DoubleType.DOUBLE : FloatType.FLOAT;
        }
        if (t instanceof ArrowType.Bool) {
            return BooleanType.BOOLEAN;
        }
        if (t instanceof ArrowType.Binary || t instanceof ArrowType.LargeBinary || t instanceof ArrowType.FixedSizeBinary
            || t instanceof ArrowType.BinaryView) {
            return BinaryType.BINARY;
        }
        if (t instanceof ArrowType.Date) {
            return DateType.DATE;
        }
        if (t instanceof ArrowType.Timestamp ts) {
            return ts.getTimezone() == null ? TimestampNTZType.TIMESTAMP_NTZ : TimestampType.TIMESTAMP;
        }
        if (t instanceof ArrowType.Decimal d) {
            return new DecimalType(d.getPrecision(), d.getScale());
        }
        if (t instanceof ArrowType.Struct) {
            List<StructField> fields = new ArrayList<>();
            for (Field c : f.getChildren()) {
                fields.add(new StructField(c.getName(), type(c), true));
            }
            return new StructType(fields);
        }
        if (t instanceof ArrowType.Map) {
            Field entries = f.getChildren().get(0);
            return new MapType(type(entries.getChildren().get(0)), type(entries.getChildren().get(1)), true);
        }
        if (t instanceof ArrowType.List || t instanceof ArrowType.LargeList || t instanceof ArrowType.FixedSizeList) {
            return new ArrayType(type(f.getChildren().get(0)), true);
        }
        throw new IllegalArgumentException("Column '" + f.getName() + "' has type " + t + ", which Delta Lake cannot store");
    }

    /** {@code current} plus the columns (and struct fields) of {@code incoming} it lacks; same instance when nothing is new. */
    static StructType merge(StructType current, StructType incoming) {
        List<StructField> out = new ArrayList<>();
        boolean changed = false;
        for (StructField f : current.fields()) {
            StructField in = find(incoming, f.getName());
            if (in != null && f.getDataType() instanceof StructType cs && in.getDataType() instanceof StructType is) {
                StructType merged = merge(cs, is);
                if (merged != cs) {
                    changed = true;
                    out.add(new StructField(f.getName(), merged, f.isNullable(), f.getMetadata()));
                    continue;
                }
            }
            out.add(f);
        }
        for (StructField in : incoming.fields()) {
            if (find(current, in.getName()) == null) {
                out.add(new StructField(in.getName(), in.getDataType(), true));
                changed = true;
            }
        }
        return changed ? new StructType(out) : current;
    }

    private static StructField find(StructType s, String name) {
        for (StructField f : s.fields()) {
            if (f.getName().equals(name)) {
                return f;
            }
        }
        return null;
    }

    static LinkedHashMap<String, String> toDuckDb(StructType schema) {
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        for (StructField f : schema.fields()) {
            out.put(f.getName(), duckdb(f.getDataType()));
        }
        return out;
    }

    private static String duckdb(DataType t) {
        if (t instanceof StringType) {
            return "VARCHAR";
        }
        if (t instanceof LongType) {
            return "BIGINT";
        }
        if (t instanceof IntegerType) {
            return "INTEGER";
        }
        if (t instanceof ShortType) {
            return "SMALLINT";
        }
        if (t instanceof ByteType) {
            return "TINYINT";
        }
        if (t instanceof DoubleType) {
            return "DOUBLE";
        }
        if (t instanceof FloatType) {
            return "FLOAT";
        }
        if (t instanceof BooleanType) {
            return "BOOLEAN";
        }
        if (t instanceof BinaryType) {
            return "BLOB";
        }
        if (t instanceof DateType) {
            return "DATE";
        }
        if (t instanceof TimestampType) {
            return "TIMESTAMPTZ";
        }
        if (t instanceof TimestampNTZType) {
            return "TIMESTAMP";
        }
        if (t instanceof DecimalType d) {
            return "DECIMAL(" + d.getPrecision() + ", " + d.getScale() + ")";
        }
        if (t instanceof StructType s) {
            List<String> parts = new ArrayList<>();
            for (StructField f : s.fields()) {
                parts.add(DuckDbParquet.ident(f.getName()) + " " + duckdb(f.getDataType()));
            }
            return "STRUCT(" + String.join(", ", parts) + ")";
        }
        if (t instanceof ArrayType a) {
            return duckdb(a.getElementType()) + "[]";
        }
        if (t instanceof MapType m) {
            return "MAP(" + duckdb(m.getKeyType()) + ", " + duckdb(m.getValueType()) + ")";
        }
        throw new IllegalArgumentException("Delta type " + t + " has no DuckDB equivalent here");
    }
}
