package dev.metaxy.frame;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.LargeVarBinaryVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.BaseListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Converts single values between Java objects and Arrow vectors.
 *
 * <p>Reading: Utf8/LargeUtf8 → {@link String}; any signed or unsigned integer → {@link Long} (UInt64 above
 * {@code Long.MAX_VALUE} → {@link BigInteger}); Float32/Float64 → {@link Double}; Bool → {@link Boolean};
 * Decimal → {@link BigDecimal}; timestamp with a time zone → {@link Instant}, without → {@link LocalDateTime}
 * (the stored epoch value read as UTC); Date → {@link LocalDate}; binary → {@code byte[]}; Struct and Map →
 * {@link LinkedHashMap}; List → {@link ArrayList}; null slots → {@code null}. Other types fall back to
 * {@link ValueVector#getObject(int)}.
 *
 * <p>Writing accepts the same Java types (plus Integer/Short/Byte/BigInteger for integers, Float for floats,
 * {@link OffsetDateTime}/{@link ZonedDateTime} for timestamps); sub-unit precision is truncated towards the past.
 * A value that does not fit the vector raises {@link IllegalArgumentException}.
 */
public final class FrameValues {

  private FrameValues() {}

  /** Reads slot {@code index} of {@code vector} as a Java value. */
  public static Object read(ValueVector vector, int index) {
    if (vector.isNull(index)) {
      return null;
    }
    if (vector instanceof VarCharVector v) {
      return new String(v.get(index), StandardCharsets.UTF_8);
    } else if (vector instanceof LargeVarCharVector v) {
      return new String(v.get(index), StandardCharsets.UTF_8);
    } else if (vector instanceof UInt8Vector v) {
      long raw = v.get(index);
      return raw >= 0 ? (Object) raw : new BigInteger(Long.toUnsignedString(raw));
    } else if (vector instanceof UInt4Vector v) {
      return Integer.toUnsignedLong(v.get(index));
    } else if (vector instanceof UInt2Vector v) {
      return (long) v.get(index);
    } else if (vector instanceof UInt1Vector v) {
      return Byte.toUnsignedLong(v.get(index));
    } else if (vector instanceof BaseIntVector v) {
      return v.getValueAsLong(index);
    } else if (vector instanceof Float8Vector v) {
      return v.get(index);
    } else if (vector instanceof Float4Vector v) {
      return (double) v.get(index);
    } else if (vector instanceof BitVector v) {
      return v.get(index) != 0;
    } else if (vector instanceof DecimalVector v) {
      return v.getObject(index);
    } else if (vector instanceof Decimal256Vector v) {
      return v.getObject(index);
    } else if (vector instanceof TimeStampVector v) {
      return readTimestamp(v, index);
    } else if (vector instanceof DateDayVector v) {
      return LocalDate.ofEpochDay(v.get(index));
    } else if (vector instanceof DateMilliVector v) {
      return LocalDate.ofEpochDay(Math.floorDiv(v.get(index), 86_400_000L));
    } else if (vector instanceof VarBinaryVector v) {
      return v.get(index);
    } else if (vector instanceof LargeVarBinaryVector v) {
      return v.get(index);
    } else if (vector instanceof FixedSizeBinaryVector v) {
      return v.get(index);
    } else if (vector instanceof StructVector v) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (FieldVector child : v.getChildrenFromFields()) {
        out.put(child.getName(), read(child, index));
      }
      return out;
    } else if (vector instanceof MapVector v) {
      StructVector entries = (StructVector) v.getDataVector();
      FieldVector keys = entries.getChildrenFromFields().get(0);
      FieldVector values = entries.getChildrenFromFields().get(1);
      Map<Object, Object> out = new LinkedHashMap<>();
      for (int i = v.getElementStartIndex(index); i < v.getElementEndIndex(index); i++) {
        out.put(read(keys, i), read(values, i));
      }
      return out;
    } else if (vector instanceof BaseListVector v) {
      FieldVector data = v.getChildrenFromFields().get(0);
      List<Object> out = new ArrayList<>();
      for (int i = v.getElementStartIndex(index); i < v.getElementEndIndex(index); i++) {
        out.add(read(data, i));
      }
      return out;
    }
    return vector.getObject(index);
  }

  /** Writes {@code value} (may be null) into slot {@code index} of {@code vector}, growing it as needed. */
  public static void write(FieldVector vector, int index, Object value) {
    if (value == null) {
      writeNull(vector, index);
    } else if (vector instanceof VarCharVector v && value instanceof String s) {
      v.setSafe(index, s.getBytes(StandardCharsets.UTF_8));
    } else if (vector instanceof LargeVarCharVector v && value instanceof String s) {
      v.setSafe(index, s.getBytes(StandardCharsets.UTF_8));
    } else if (vector instanceof BaseIntVector v && isInteger(value)) {
      writeInteger(v, index, value);
    } else if (vector instanceof Float8Vector v && value instanceof Number n && !(value instanceof BigDecimal)) {
      v.setSafe(index, n.doubleValue());
    } else if (vector instanceof Float4Vector v && value instanceof Number n && !(value instanceof BigDecimal)) {
      v.setSafe(index, n.floatValue());
    } else if (vector instanceof BitVector v && value instanceof Boolean b) {
      v.setSafe(index, b ? 1 : 0);
    } else if (vector instanceof DecimalVector v && value instanceof BigDecimal d) {
      v.setSafe(index, d.setScale(v.getScale(), RoundingMode.UNNECESSARY));
    } else if (vector instanceof Decimal256Vector v && value instanceof BigDecimal d) {
      v.setSafe(index, d.setScale(v.getScale(), RoundingMode.UNNECESSARY));
    } else if (vector instanceof TimeStampVector v && toInstant(value) != null) {
      v.setSafe(index, toEpoch(toInstant(value), ((ArrowType.Timestamp) v.getField().getType()).getUnit()));
    } else if (vector instanceof DateDayVector v && value instanceof LocalDate d) {
      v.setSafe(index, Math.toIntExact(d.toEpochDay()));
    } else if (vector instanceof DateMilliVector v && value instanceof LocalDate d) {
      v.setSafe(index, d.toEpochDay() * 86_400_000L);
    } else if (vector instanceof VarBinaryVector v && value instanceof byte[] b) {
      v.setSafe(index, b);
    } else if (vector instanceof LargeVarBinaryVector v && value instanceof byte[] b) {
      v.setSafe(index, b);
    } else if (vector instanceof StructVector v && value instanceof Map<?, ?> m) {
      writeStruct(v, index, m);
    } else if (vector instanceof MapVector v && value instanceof Map<?, ?> m) {
      writeMap(v, index, m);
    } else if (vector instanceof ListVector v && value instanceof List<?> list) {
      int start = v.startNewValue(index);
      for (int i = 0; i < list.size(); i++) {
        write(v.getDataVector(), start + i, list.get(i));
      }
      v.endValue(index, list.size());
    } else {
      throw new IllegalArgumentException(
          "cannot write a " + value.getClass().getSimpleName() + " into a " + vector.getField().getType() + " column");
    }
  }

  /** Java type name used in error messages ({@code "null"} for null). */
  static String typeName(Object value) {
    return value == null ? "null" : value.getClass().getSimpleName();
  }

  private static void writeNull(FieldVector vector, int index) {
    if (vector instanceof StructVector v) {
      for (FieldVector child : v.getChildrenFromFields()) {
        writeNull(child, index);
      }
    }
    if (vector instanceof ListVector v) {
      v.startNewValue(index);
      v.endValue(index, 0);
    }
    while (index >= vector.getValueCapacity()) {
      vector.reAlloc();
    }
    vector.setNull(index);
  }

  private static void writeStruct(StructVector vector, int index, Map<?, ?> map) {
    for (Object key : map.keySet()) {
      if (!(key instanceof String name) || vector.getChild(name) == null) {
        throw new IllegalArgumentException("struct has no field '" + key + "'; fields: "
            + vector.getField().getChildren().stream().map(f -> f.getName()).toList());
      }
    }
    for (FieldVector child : vector.getChildrenFromFields()) {
      write(child, index, map.get(child.getName()));
    }
    vector.setIndexDefined(index);
  }

  private static void writeMap(MapVector vector, int index, Map<?, ?> map) {
    StructVector entries = (StructVector) vector.getDataVector();
    FieldVector keys = entries.getChildrenFromFields().get(0);
    FieldVector values = entries.getChildrenFromFields().get(1);
    int at = vector.startNewValue(index);
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (entry.getKey() == null) {
        throw new IllegalArgumentException("map keys must not be null");
      }
      write(keys, at, entry.getKey());
      write(values, at, entry.getValue());
      entries.setIndexDefined(at);
      at++;
    }
    vector.endValue(index, map.size());
  }

  private static boolean isInteger(Object value) {
    return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
        || value instanceof BigInteger;
  }

  private static void writeInteger(BaseIntVector vector, int index, Object value) {
    boolean unsigned = vector instanceof UInt1Vector || vector instanceof UInt2Vector
        || vector instanceof UInt4Vector || vector instanceof UInt8Vector;
    BigInteger big = value instanceof BigInteger b ? b : BigInteger.valueOf(((Number) value).longValue());
    int bits = vector instanceof TinyIntVector || vector instanceof UInt1Vector ? 8
        : vector instanceof SmallIntVector || vector instanceof UInt2Vector ? 16
        : vector instanceof IntVector || vector instanceof UInt4Vector ? 32 : 64;
    boolean fits = unsigned ? big.signum() >= 0 && big.bitLength() <= bits : big.bitLength() < bits;
    if (!fits) {
      throw new IllegalArgumentException("integer " + big + " does not fit a " + vector.getField().getType() + " column");
    }
    vector.setWithPossibleTruncate(index, big.longValue());
  }

  private static Instant toInstant(Object value) {
    if (value instanceof Instant i) {
      return i;
    } else if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    } else if (value instanceof ZonedDateTime z) {
      return z.toInstant();
    } else if (value instanceof LocalDateTime l) {
      return l.toInstant(ZoneOffset.UTC);
    }
    return null;
  }

  private static long toEpoch(Instant instant, TimeUnit unit) {
    long seconds = instant.getEpochSecond();
    int nanos = instant.getNano();
    return switch (unit) {
      case SECOND -> seconds;
      case MILLISECOND -> Math.addExact(Math.multiplyExact(seconds, 1_000L), nanos / 1_000_000);
      case MICROSECOND -> Math.addExact(Math.multiplyExact(seconds, 1_000_000L), nanos / 1_000);
      case NANOSECOND -> Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), nanos);
    };
  }

  private static Object readTimestamp(TimeStampVector vector, int index) {
    ArrowType.Timestamp type = (ArrowType.Timestamp) vector.getField().getType();
    long raw = vector.get(index);
    long perSecond = switch (type.getUnit()) {
      case SECOND -> 1L;
      case MILLISECOND -> 1_000L;
      case MICROSECOND -> 1_000_000L;
      case NANOSECOND -> 1_000_000_000L;
    };
    Instant instant = Instant.ofEpochSecond(
        Math.floorDiv(raw, perSecond), Math.floorMod(raw, perSecond) * (1_000_000_000L / perSecond));
    return type.getTimezone() == null ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC) : instant;
  }
}
