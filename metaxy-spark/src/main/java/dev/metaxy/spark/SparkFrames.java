package dev.metaxy.spark;

import dev.metaxy.frame.Frame;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Conversion between Arrow {@link Frame}s (the store contract's frames) and Spark {@code Dataset<Row>}s, row by row
 * through the driver. Only small frames should cross this edge (samples, results a caller collects); big data stays
 * in Datasets ({@link SparkMetadataStore#writeDataset}, {@link SparkMetadataStore#readDataset}).
 *
 * <p>Types: strings, integers, floating point, booleans, decimals, dates, binary, timestamps (UTC ones as Spark
 * {@code TIMESTAMP}, zone-less ones as {@code TIMESTAMP_NTZ}), structs, maps and lists; an Arrow Null column becomes a
 * nullable STRING.
 */
public final class SparkFrames {
    private SparkFrames() {
    }

    // ------------------------------------------------------------------ Frame -> Dataset

    /** A Dataset holding the frame's rows (a local relation built on the driver). */
    public static Dataset<Row> toDataset(SparkSession spark, Frame frame) {
        StructType schema = sparkSchema(frame.schema());
        List<Row> rows = new ArrayList<>(frame.rowCount());
        List<Field> fields = frame.schema().getFields();
        for (Map<String, Object> r : frame.toRows()) {
            Object[] values = new Object[fields.size()];
            for (int i = 0; i < fields.size(); i++) {
                values[i] = toSpark(schema.fields()[i].dataType(), r.get(fields.get(i).getName()));
            }
            rows.add(RowFactory.create(values));
        }
        return spark.createDataFrame(rows, schema);
    }

    public static StructType sparkSchema(Schema schema) {
        List<StructField> out = new ArrayList<>();
        for (Field f : schema.getFields()) {
            out.add(DataTypes.createStructField(f.getName(), sparkType(f), true));
        }
        return DataTypes.createStructType(out);
    }

    static DataType sparkType(Field f) {
        ArrowType t = f.getType();
        if (t instanceof ArrowType.Utf8 || t instanceof ArrowType.LargeUtf8 || t instanceof ArrowType.Utf8View
            || t instanceof ArrowType.Null) {
            return DataTypes.StringType;
        } else if (t instanceof ArrowType.Int i) {
            if (!i.getIsSigned() && i.getBitWidth() == 64) {
                return DataTypes.createDecimalType(20, 0);
            }
            int bits = i.getIsSigned() ? i.getBitWidth() : i.getBitWidth() * 2;
            return bits <= 8 ? DataTypes.ByteType : bits <= 16 ? DataTypes.ShortType : bits <= 32 ? DataTypes.IntegerType
                : DataTypes.LongType;
        } else if (t instanceof ArrowType.FloatingPoint fp) {
            return fp.getPrecision() == FloatingPointPrecision.DOUBLE ? DataTypes.DoubleType : DataTypes.FloatType;
        } else if (t instanceof ArrowType.Bool) {
            return DataTypes.BooleanType;
        } else if (t instanceof ArrowType.Decimal d) {
            return DataTypes.createDecimalType(Math.min(d.getPrecision(), 38), Math.min(d.getScale(), 38));
        } else if (t instanceof ArrowType.Timestamp ts) {
            return ts.getTimezone() == null ? DataTypes.TimestampNTZType : DataTypes.TimestampType;
        } else if (t instanceof ArrowType.Date) {
            return DataTypes.DateType;
        } else if (t instanceof ArrowType.Binary || t instanceof ArrowType.LargeBinary || t instanceof ArrowType.FixedSizeBinary) {
            return DataTypes.BinaryType;
        } else if (t instanceof ArrowType.Struct) {
            List<StructField> children = new ArrayList<>();
            for (Field c : f.getChildren()) {
                children.add(DataTypes.createStructField(c.getName(), sparkType(c), true));
            }
            return DataTypes.createStructType(children);
        } else if (t instanceof ArrowType.Map) {
            Field entries = f.getChildren().get(0);
            return DataTypes.createMapType(sparkType(entries.getChildren().get(0)), sparkType(entries.getChildren().get(1)), true);
        } else if (t instanceof ArrowType.List || t instanceof ArrowType.LargeList) {
            return DataTypes.createArrayType(sparkType(f.getChildren().get(0)), true);
        }
        throw new IllegalArgumentException("Column '" + f.getName() + "': Arrow type " + t + " has no Spark equivalent here");
    }

    private static Object toSpark(DataType type, Object v) {
        if (v == null) {
            return null;
        }
        if (type instanceof StructType st) {
            Map<?, ?> m = (Map<?, ?>) v;
            Object[] values = new Object[st.fields().length];
            for (int i = 0; i < values.length; i++) {
                values[i] = toSpark(st.fields()[i].dataType(), m.get(st.fields()[i].name()));
            }
            return RowFactory.create(values);
        } else if (type instanceof MapType mt) {
            Map<Object, Object> out = new LinkedHashMap<>();
            ((Map<?, ?>) v).forEach((k, x) -> out.put(toSpark(mt.keyType(), k), toSpark(mt.valueType(), x)));
            return CollectionConverters.asScala(out);
        } else if (type instanceof ArrayType at) {
            List<Object> out = new ArrayList<>();
            ((List<?>) v).forEach(x -> out.add(toSpark(at.elementType(), x)));
            return CollectionConverters.asScala(out).toSeq();
        } else if (type instanceof TimestampType) {
            Instant i = v instanceof LocalDateTime l ? l.toInstant(java.time.ZoneOffset.UTC) : (Instant) v;
            return Timestamp.from(i);
        } else if (type instanceof TimestampNTZType) {
            return v instanceof Instant i ? LocalDateTime.ofInstant(i, java.time.ZoneOffset.UTC) : v;
        } else if (type instanceof DateType) {
            return java.sql.Date.valueOf((LocalDate) v);
        } else if (type instanceof LongType) {
            return ((Number) v).longValue();
        } else if (type instanceof IntegerType) {
            return ((Number) v).intValue();
        } else if (type instanceof ShortType) {
            return ((Number) v).shortValue();
        } else if (type instanceof ByteType) {
            return ((Number) v).byteValue();
        } else if (type instanceof DoubleType) {
            return ((Number) v).doubleValue();
        } else if (type instanceof FloatType) {
            return ((Number) v).floatValue();
        } else if (type instanceof DecimalType) {
            return v instanceof BigDecimal d ? d : new BigDecimal(v.toString());
        }
        return v;
    }

    // ------------------------------------------------------------------ Dataset -> Frame

    /** Collects the Dataset to the driver as a frame. */
    public static Frame toFrame(Dataset<Row> ds) {
        Schema schema = arrowSchema(ds.schema());
        List<Row> rows = ds.collectAsList();
        List<Map<String, Object>> maps = new ArrayList<>(rows.size());
        StructField[] fields = ds.schema().fields();
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < fields.length; i++) {
                m.put(fields[i].name(), fromSpark(fields[i].dataType(), r.get(i)));
            }
            maps.add(m);
        }
        return Frame.fromRows(schema, maps);
    }

    public static Schema arrowSchema(StructType schema) {
        List<Field> out = new ArrayList<>();
        for (StructField f : schema.fields()) {
            out.add(arrowField(f.name(), f.dataType()));
        }
        return new Schema(out);
    }

    static Field arrowField(String name, DataType type) {
        if (type instanceof StructType st) {
            List<Field> children = new ArrayList<>();
            for (StructField c : st.fields()) {
                children.add(arrowField(c.name(), c.dataType()));
            }
            return new Field(name, FieldType.nullable(ArrowType.Struct.INSTANCE), children);
        } else if (type instanceof MapType mt) {
            Field key = new Field("key", FieldType.notNullable(arrowField("key", mt.keyType()).getType()),
                arrowField("key", mt.keyType()).getChildren());
            Field value = arrowField("value", mt.valueType());
            Field entries = new Field("entries", FieldType.notNullable(ArrowType.Struct.INSTANCE), List.of(key, value));
            return new Field(name, FieldType.nullable(new ArrowType.Map(false)), List.of(entries));
        } else if (type instanceof ArrayType at) {
            return new Field(name, FieldType.nullable(ArrowType.List.INSTANCE), List.of(arrowField("item", at.elementType())));
        }
        return new Field(name, FieldType.nullable(arrowScalar(name, type)), null);
    }

    private static ArrowType arrowScalar(String name, DataType type) {
        if (type instanceof StringType || type instanceof NullType) {
            return ArrowType.Utf8.INSTANCE;
        } else if (type instanceof LongType) {
            return new ArrowType.Int(64, true);
        } else if (type instanceof IntegerType) {
            return new ArrowType.Int(32, true);
        } else if (type instanceof ShortType) {
            return new ArrowType.Int(16, true);
        } else if (type instanceof ByteType) {
            return new ArrowType.Int(8, true);
        } else if (type instanceof DoubleType) {
            return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
        } else if (type instanceof FloatType) {
            return new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
        } else if (type instanceof BooleanType) {
            return ArrowType.Bool.INSTANCE;
        } else if (type instanceof DecimalType d) {
            return new ArrowType.Decimal(d.precision(), d.scale(), 128);
        } else if (type instanceof TimestampType) {
            return new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC");
        } else if (type instanceof TimestampNTZType) {
            return new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
        } else if (type instanceof DateType) {
            return new ArrowType.Date(DateUnit.DAY);
        } else if (type instanceof BinaryType) {
            return ArrowType.Binary.INSTANCE;
        }
        throw new IllegalArgumentException("Column '" + name + "': Spark type " + type.simpleString() + " has no Arrow equivalent here");
    }

    private static Object fromSpark(DataType type, Object v) {
        if (v == null) {
            return null;
        }
        if (type instanceof StructType st) {
            Row r = (Row) v;
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < st.fields().length; i++) {
                m.put(st.fields()[i].name(), fromSpark(st.fields()[i].dataType(), r.get(i)));
            }
            return m;
        } else if (type instanceof MapType mt) {
            Map<Object, Object> out = new LinkedHashMap<>();
            @SuppressWarnings("unchecked")
            scala.collection.Map<Object, Object> sm = (scala.collection.Map<Object, Object>) v;
            CollectionConverters.asJava(sm).forEach((k, x) -> out.put(fromSpark(mt.keyType(), k), fromSpark(mt.valueType(), x)));
            return out;
        } else if (type instanceof ArrayType at) {
            List<Object> out = new ArrayList<>();
            @SuppressWarnings("unchecked")
            scala.collection.Seq<Object> seq = (scala.collection.Seq<Object>) v;
            CollectionConverters.asJava(seq).forEach(x -> out.add(fromSpark(at.elementType(), x)));
            return out;
        } else if (v instanceof Timestamp t) {
            return t.toInstant();
        } else if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return v;
    }
}
