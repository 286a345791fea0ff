package dev.metaxy.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoLeakedBuffers.class)
class FrameValuesTest {

  private static Map<String, Object> row(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void inferredScalarTypesRoundTripWithNulls() {
    Instant at = Instant.parse("2024-05-06T07:08:09.123456Z");
    List<Map<String, Object>> rows = List.of(
        row("s", "héllo", "i", 42L, "d", 1.5, "b", true, "dec", new BigDecimal("12.34"), "ts", at,
            "date", LocalDate.of(2024, 2, 29), "local", LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6000),
            "bin", new byte[] {1, 2, 3}),
        row("s", null, "i", null, "d", null, "b", null, "dec", null, "ts", null, "date", null, "local", null,
            "bin", null));
    try (Frame frame = Frame.fromRows(rows)) {
      assertThat(frame.schema().getFields()).extracting(f -> f.getType().toString()).containsExactly(
          "Utf8", "Int(64, true)", "FloatingPoint(DOUBLE)", "Bool", "Decimal(38, 2, 128)",
          "Timestamp(MICROSECOND, UTC)", "Date(DAY)", "Timestamp(MICROSECOND, null)", "Binary");
      List<Map<String, Object>> back = frame.toRows();
      assertThat(back.get(1).values()).containsOnlyNulls();
      Map<String, Object> first = back.get(0);
      assertThat(first).containsEntry("s", "héllo").containsEntry("i", 42L).containsEntry("d", 1.5)
          .containsEntry("b", true).containsEntry("dec", new BigDecimal("12.34")).containsEntry("ts", at)
          .containsEntry("date", LocalDate.of(2024, 2, 29))
          .containsEntry("local", LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6000));
      assertThat((byte[]) first.get("bin")).containsExactly(1, 2, 3);
    }
  }

  @Test
  void narrowJavaNumbersWidenToInt64AndFloat64() {
    try (Frame frame = Frame.fromRows(List.of(row("i", 1, "f", 2.5f), row("i", (short) 2, "f", 3),
        row("i", (byte) 3, "f", 4L)))) {
      assertThat(frame.schema().findField("i").getType()).isEqualTo(FrameSchemas.INT64);
      assertThat(frame.schema().findField("f").getType()).isEqualTo(FrameSchemas.FLOAT64);
      assertThat(frame.toRows()).extracting(r -> r.get("i")).containsExactly(1L, 2L, 3L);
      assertThat(frame.toRows()).extracting(r -> r.get("f")).containsExactly(2.5, 3.0, 4.0);
    }
  }

  @Test
  void timestampsAreUtcMicrosAndReadBackAsInstants() {
    Instant at = Instant.parse("1969-12-31T23:59:59.999999Z");
    OffsetDateTime offset = OffsetDateTime.of(2024, 1, 1, 12, 0, 0, 0, ZoneOffset.ofHours(2));
    ZonedDateTime zoned = ZonedDateTime.of(2024, 1, 1, 12, 0, 0, 0, ZoneId.of("America/New_York"));
    try (Frame frame = Frame.fromRows(List.of(row("t", at), row("t", offset), row("t", zoned)))) {
      TimeStampMicroTZVector vector = (TimeStampMicroTZVector) frame.root().getVector("t");
      assertThat(vector.getTimeZone()).isEqualTo("UTC");
      assertThat(vector.get(0)).isEqualTo(-1L);
      assertThat(vector.get(1)).isEqualTo(offset.toInstant().toEpochMilli() * 1000);
      assertThat(frame.value(0, "t")).isEqualTo(at);
      assertThat(frame.value(1, "t")).isEqualTo(Instant.parse("2024-01-01T10:00:00Z"));
      assertThat(frame.value(2, "t")).isEqualTo(Instant.parse("2024-01-01T17:00:00Z"));
    }
  }

  @Test
  void timestampsOfOtherUnitsAndZonesAreRead() {
    Instant at = Instant.parse("2024-03-04T05:06:07.123456789Z");
    Schema schema = new Schema(List.of(
        FrameSchemas.field("nano", new ArrowType.Timestamp(TimeUnit.NANOSECOND, "Europe/Paris")),
        FrameSchemas.field("milli", new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC")),
        FrameSchemas.field("sec", new ArrowType.Timestamp(TimeUnit.SECOND, null)),
        FrameSchemas.field("day_ms", new ArrowType.Date(org.apache.arrow.vector.types.DateUnit.MILLISECOND))));
    try (Frame frame = Frame.fromRows(schema,
        List.of(row("nano", at, "milli", at, "sec", at, "day_ms", LocalDate.of(1960, 5, 6))))) {
      assertThat(frame.value(0, "nano")).isEqualTo(at);
      assertThat(frame.value(0, "milli")).isEqualTo(Instant.parse("2024-03-04T05:06:07.123Z"));
      assertThat(frame.value(0, "sec")).isEqualTo(LocalDateTime.of(2024, 3, 4, 5, 6, 7));
      assertThat(frame.value(0, "day_ms")).isEqualTo(LocalDate.of(1960, 5, 6));
    }
  }

  @Test
  void everyIntegerWidthReadsAsLongAndLargeUInt64AsBigInteger() {
    Schema schema = new Schema(List.of(
        FrameSchemas.field("i8", new ArrowType.Int(8, true)), FrameSchemas.field("i16", new ArrowType.Int(16, true)),
        FrameSchemas.field("i32", new ArrowType.Int(32, true)), FrameSchemas.field("u8", new ArrowType.Int(8, false)),
        FrameSchemas.field("u16", new ArrowType.Int(16, false)), FrameSchemas.field("u32", new ArrowType.Int(32, false)),
        FrameSchemas.field("u64", new ArrowType.Int(64, false)),
        FrameSchemas.field("f32", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)),
        FrameSchemas.field("big", new ArrowType.LargeUtf8())));
    BigInteger huge = new BigInteger("18446744073709551615");
    try (Frame frame = Frame.fromRows(schema, List.of(
        row("i8", -128, "i16", -32768, "i32", Integer.MIN_VALUE, "u8", 255, "u16", 65535, "u32", 4294967295L,
            "u64", huge, "f32", 0.5f, "big", "large"),
        row("u64", Long.MAX_VALUE)))) {
      assertThat(frame.toRows().get(0)).containsExactly(Map.entry("i8", -128L), Map.entry("i16", -32768L),
          Map.entry("i32", (long) Integer.MIN_VALUE), Map.entry("u8", 255L), Map.entry("u16", 65535L),
          Map.entry("u32", 4294967295L), Map.entry("u64", huge), Map.entry("f32", 0.5), Map.entry("big", "large"));
      assertThat(frame.value(1, "u64")).isEqualTo(Long.MAX_VALUE);
      assertThat(frame.value(1, "i8")).isNull();
    }
  }

  @Test
  void valuesThatDoNotFitAnExplicitSchemaAreRejected() {
    Schema schema = new Schema(List.of(FrameSchemas.field("small", new ArrowType.Int(8, true))));
    assertThatThrownBy(() -> Frame.fromRows(schema, List.of(row("small", 1), row("small", 300))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Column 'small', row 1")
        .hasMessageContaining("300");
    assertThatThrownBy(() -> Frame.fromRows(schema, List.of(row("small", "x"))))
        .hasMessageContaining("String").hasMessageContaining("Int(8, true)");
    assertThatThrownBy(() -> Frame.fromRows(schema, List.of(row("other", 1))))
        .hasMessageContaining("'other'").hasMessageContaining("[small]");
  }

  @Test
  void structOfStringsIsInferredFromTheUnionOfKeys() {
    Map<String, Object> first = row("frames", "abc", "audio", "def");
    Map<String, Object> second = row("audio", "ghi", "text", "jkl");
    try (Frame frame = Frame.fromRows(List.of(row("by_field", first), row("by_field", null),
        row("by_field", second)))) {
      Field field = frame.schema().findField("by_field");
      assertThat(field.getType()).isEqualTo(ArrowType.Struct.INSTANCE);
      assertThat(field.getChildren()).extracting(Field::getName).containsExactly("frames", "audio", "text");
      assertThat(field.getChildren()).extracting(Field::getType).containsOnly(FrameSchemas.UTF8);
      assertThat(frame.value(0, "by_field")).isEqualTo(row("frames", "abc", "audio", "def", "text", null))
          .isInstanceOf(LinkedHashMap.class);
      assertThat(frame.value(1, "by_field")).isNull();
      assertThat(frame.value(2, "by_field")).isEqualTo(row("frames", null, "audio", "ghi", "text", "jkl"));
    }
  }

  @Test
  void stringMapNeedsAnExplicitSchemaAndReadsAsLinkedHashMap() {
    Schema schema = new Schema(List.of(FrameSchemas.field("id", FrameSchemas.UTF8),
        FrameSchemas.stringMap("provenance")));
    Map<String, String> provenance = new LinkedHashMap<>();
    provenance.put("b", "2");
    provenance.put("a", null);
    try (Frame frame = Frame.fromRows(schema, List.of(row("id", "x", "provenance", provenance),
        row("id", "y", "provenance", Map.of()), row("id", "z")))) {
      assertThat(frame.value(0, "provenance")).isInstanceOf(LinkedHashMap.class).isEqualTo(provenance);
      assertThat(List.copyOf(((Map<?, ?>) frame.value(0, "provenance")).keySet())).isEqualTo(List.of("b", "a"));
      assertThat(frame.value(1, "provenance")).isEqualTo(Map.of());
      assertThat(frame.value(2, "provenance")).isNull();
    }
  }

  @Test
  void mapWithNonStringKeysAndValues() {
    Schema schema = new Schema(List.of(FrameSchemas.map("m", FrameSchemas.INT64, FrameSchemas.FLOAT64)));
    Map<Long, Double> m = new HashMap<>(Map.of(1L, 0.5, 2L, 1.5));
    try (Frame frame = Frame.fromRows(schema, List.of(row("m", m)))) {
      assertThat(frame.value(0, "m")).isEqualTo(m);
    }
  }

  @Test
  void nestedListsRoundTrip() {
    List<List<Long>> nested = List.of(List.of(1L, 2L), List.of(), Arrays.asList(3L, null));
    try (Frame frame = Frame.fromRows(List.of(row("xs", nested, "tags", List.of("a", "b")),
        row("xs", null, "tags", List.of()), row("xs", List.of(), "tags", null)))) {
      Field xs = frame.schema().findField("xs");
      assertThat(xs.getType()).isEqualTo(ArrowType.List.INSTANCE);
      assertThat(xs.getChildren().get(0).getChildren().get(0).getType()).isEqualTo(FrameSchemas.INT64);
      assertThat(frame.value(0, "xs")).isEqualTo(nested).isInstanceOf(ArrayList.class);
      assertThat(frame.value(1, "xs")).isNull();
      assertThat(frame.value(2, "xs")).isEqualTo(List.of());
      assertThat(frame.toRows()).extracting(r -> r.get("tags")).containsExactly(List.of("a", "b"), List.of(), null);
    }
  }

  @Test
  void listOfStructsRoundTrips() {
    List<Map<String, Object>> items = List.of(row("k", "a", "n", 1L), row("k", "b", "n", null));
    try (Frame frame = Frame.fromRows(List.of(row("items", items)))) {
      assertThat(frame.value(0, "items")).isEqualTo(items);
    }
  }
}
