package dev.metaxy.frame;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
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

/**
 * Builds Arrow fields and schemas: short-hands for explicit schemas and the schema inference used by
 * {@link Frame#fromRows(List)}.
 *
 * <p>Inference: the first non-null value of a column decides its type (see {@link FrameValues}); Integer/Long
 * mixes give Int64, integer/floating mixes give Float64, {@code Map<String, ?>} values give a Struct whose
 * children are the union of keys in first-seen order, {@code List} values give a List whose element type is
 * inferred from all elements, and BigDecimal gives Decimal(38, largest scale seen). A column (or struct child or
 * list element) that holds only nulls is typed Utf8. Any other mix raises {@link IllegalArgumentException}
 * naming the column, the row index and both Java types.
 */
public final class FrameSchemas {

  /** Utf8, the type of strings and of all-null inferred columns. */
  public static final ArrowType UTF8 = ArrowType.Utf8.INSTANCE;
  /** Int64, the type of inferred integers. */
  public static final ArrowType INT64 = new ArrowType.Int(64, true);
  /** Float64, the type of inferred floating-point numbers. */
  public static final ArrowType FLOAT64 = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
  /** Timestamp(MICROSECOND, "UTC"), the type of Instant, OffsetDateTime and ZonedDateTime. */
  public static final ArrowType TIMESTAMP_UTC = new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC");
  /** Timestamp(MICROSECOND, no time zone), the type of LocalDateTime. */
  public static final ArrowType TIMESTAMP_LOCAL = new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
  /** Date(DAY), the type of LocalDate. */
  public static final ArrowType DATE = new ArrowType.Date(DateUnit.DAY);

  private FrameSchemas() {}

  /** A nullable field of a primitive (childless) type. */
  public static Field field(String name, ArrowType type) {
    return new Field(name, FieldType.nullable(type), null);
  }

  /** A nullable Struct field with the given children. */
  public static Field struct(String name, List<Field> children) {
    return new Field(name, FieldType.nullable(ArrowType.Struct.INSTANCE), children);
  }

  /** A nullable List field whose nullable elements have {@code elementType}. */
  public static Field list(String name, ArrowType elementType) {
    return new Field(name, FieldType.nullable(ArrowType.List.INSTANCE), List.of(field("element", elementType)));
  }

  /** A nullable Map field (unsorted keys) with non-null keys of {@code keyType} and nullable values. */
  public static Field map(String name, ArrowType keyType, ArrowType valueType) {
    Field key = new Field("key", FieldType.notNullable(keyType), null);
    Field entries = new Field("entries", FieldType.notNullable(ArrowType.Struct.INSTANCE),
        List.of(key, field("value", valueType)));
    return new Field(name, FieldType.nullable(new ArrowType.Map(false)), List.of(entries));
  }

  /** A {@code map<string, string>} field, the usual shape of per-field provenance maps. */
  public static Field stringMap(String name) {
    return map(name, UTF8, UTF8);
  }

  /** Infers a schema from rows; columns are the union of row keys in first-seen order. */
  public static Schema infer(List<? extends Map<String, ?>> rows) {
    Map<String, Shape> columns = new LinkedHashMap<>();
    for (int row = 0; row < rows.size(); row++) {
      for (Map.Entry<String, ?> cell : rows.get(row).entrySet()) {
        columns.computeIfAbsent(cell.getKey(), k -> new Shape()).accept(cell.getValue(), cell.getKey(), row);
      }
    }
    List<Field> fields = new ArrayList<>();
    columns.forEach((name, shape) -> fields.add(shape.toField(name)));
    return new Schema(fields);
  }

  /** The type seen so far for one column, struct child or list element. */
  private static final class Shape {
    private enum Kind { NULL, STRING, INTEGER, FLOATING, BOOLEAN, DECIMAL, INSTANT, DATE, LOCAL_DATETIME, BINARY,
      STRUCT, LIST }

    private Kind kind = Kind.NULL;
    private String javaType;
    private int decimalScale;
    private final Map<String, Shape> children = new LinkedHashMap<>();
    private Shape element;

    void accept(Object value, String path, int row) {
      if (value == null) {
        return;
      }
      Kind seen = kindOf(value, path, row);
      if (kind == Kind.NULL) {
        kind = seen;
        javaType = FrameValues.typeName(value);
      } else if (kind == Kind.INTEGER && seen == Kind.FLOATING) {
        kind = Kind.FLOATING;
      } else if (kind != seen && !(kind == Kind.FLOATING && seen == Kind.INTEGER)) {
        throw new IllegalArgumentException("Column '" + path + "', row " + row + ": a "
            + FrameValues.typeName(value) + " value is incompatible with the " + javaType
            + " values seen earlier");
      }
      if (value instanceof BigDecimal d) {
        decimalScale = Math.max(decimalScale, d.scale());
      } else if (value instanceof Map<?, ?> map) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
          String key = (String) e.getKey();
          children.computeIfAbsent(key, k -> new Shape()).accept(e.getValue(), path + "." + key, row);
        }
      } else if (value instanceof List<?> list) {
        if (element == null) {
          element = new Shape();
        }
        for (Object item : list) {
          element.accept(item, path + "[]", row);
        }
      }
    }

    Field toField(String name) {
      return switch (kind) {
        case NULL, STRING -> field(name, UTF8);
        case INTEGER -> field(name, INT64);
        case FLOATING -> field(name, FLOAT64);
        case BOOLEAN -> field(name, ArrowType.Bool.INSTANCE);
        case DECIMAL -> field(name, new ArrowType.Decimal(38, decimalScale, 128));
        case INSTANT -> field(name, TIMESTAMP_UTC);
        case DATE -> field(name, DATE);
        case LOCAL_DATETIME -> field(name, TIMESTAMP_LOCAL);
        case BINARY -> field(name, ArrowType.Binary.INSTANCE);
        case STRUCT -> {
          List<Field> fields = new ArrayList<>();
          children.forEach((child, shape) -> fields.add(shape.toField(child)));
          yield struct(name, fields);
        }
        case LIST -> new Field(name, FieldType.nullable(ArrowType.List.INSTANCE),
            List.of((element == null ? new Shape() : element).toField("element")));
      };
    }

    private static Kind kindOf(Object value, String path, int row) {
      if (value instanceof String) {
        return Kind.STRING;
      } else if (value instanceof Long || value instanceof Integer || value instanceof Short
          || value instanceof Byte) {
        return Kind.INTEGER;
      } else if (value instanceof Double || value instanceof Float) {
        return Kind.FLOATING;
      } else if (value instanceof Boolean) {
        return Kind.BOOLEAN;
      } else if (value instanceof BigDecimal) {
        return Kind.DECIMAL;
      } else if (value instanceof Instant || value instanceof OffsetDateTime || value instanceof ZonedDateTime) {
        return Kind.INSTANT;
      } else if (value instanceof LocalDate) {
        return Kind.DATE;
      } else if (value instanceof LocalDateTime) {
        return Kind.LOCAL_DATETIME;
      } else if (value instanceof byte[]) {
        return Kind.BINARY;
      } else if (value instanceof Map<?, ?> map) {
        for (Object key : map.keySet()) {
          if (!(key instanceof String)) {
            throw new IllegalArgumentException("Column '" + path + "', row " + row + ": struct keys must be "
                + "strings, got a " + FrameValues.typeName(key) + "; use an explicit Map field for other keys");
          }
        }
        return Kind.STRUCT;
      } else if (value instanceof List<?>) {
        return Kind.LIST;
      }
      throw new IllegalArgumentException("Column '" + path + "', row " + row + ": unsupported value type "
          + value.getClass().getName());
    }
  }
}
