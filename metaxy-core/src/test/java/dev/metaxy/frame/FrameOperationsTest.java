package dev.metaxy.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoLeakedBuffers.class)
class FrameOperationsTest {

  record Sample(String sampleUid, long size, Instant createdAt, Map<String, String> byField) {}

  private static Frame numbers(int from, int count) {
    List<Map<String, Object>> rows = new java.util.ArrayList<>();
    for (int i = from; i < from + count; i++) {
      Map<String, Object> row = new java.util.LinkedHashMap<>();
      row.put("id", "s" + i);
      row.put("n", (long) i);
      row.put("tags", List.of("t" + i));
      rows.add(row);
    }
    return Frame.fromRows(rows);
  }

  @Test
  void recordsBecomeColumnsByComponentName() {
    Instant at = Instant.parse("2024-01-01T00:00:00Z");
    try (Frame frame = Frame.fromRecords(List.of(new Sample("a", 3, at, Map.of("frames", "h1")),
        new Sample("b", 4, null, Map.of("frames", "h2"))))) {
      assertThat(frame.columnNames()).containsExactly("sampleUid", "size", "createdAt", "byField");
      assertThat(frame.toRows().get(0)).containsExactly(Map.entry("sampleUid", "a"), Map.entry("size", 3L),
          Map.entry("createdAt", at), Map.entry("byField", Map.of("frames", "h1")));
      assertThat(frame.value(1, "createdAt")).isNull();
    }
  }

  @Test
  void concatAppendsFramesWithReorderedColumns() {
    try (Frame a = numbers(0, 2);
        Frame b = Frame.fromRows(List.of(Map.of("tags", List.of(), "n", 9L, "id", "z")));
        Frame both = Frame.concat(List.of(a, b))) {
      assertThat(both.columnNames()).isEqualTo(a.columnNames());
      assertThat(both.rowCount()).isEqualTo(3);
      assertThat(both.value(2, "id")).isEqualTo("z");
      assertThat(both.value(2, "tags")).isEqualTo(List.of());
      assertThat(both.value(1, "tags")).isEqualTo(List.of("t1"));
      assertThat(a.rowCount()).isEqualTo(2);
    }
  }

  @Test
  void concatCastsCompatibleTypes() {
    Schema int32 = new Schema(List.of(FrameSchemas.field("n", new ArrowType.Int(32, true))));
    try (Frame a = Frame.fromRows(List.of(Map.of("n", 1L)));
        Frame b = Frame.fromRows(int32, List.of(Map.of("n", 7)));
        Frame both = Frame.concat(List.of(a, b))) {
      assertThat(both.root().getVector("n")).isInstanceOf(BigIntVector.class);
      assertThat(both.toRows()).extracting(r -> r.get("n")).containsExactly(1L, 7L);
    }
  }

  @Test
  void concatRejectsEmptyListDifferentColumnsAndIncompatibleTypes() {
    assertThatThrownBy(() -> Frame.concat(List.of())).isInstanceOf(IllegalArgumentException.class);
    try (Frame a = Frame.fromRows(List.of(Map.of("n", 1L)));
        Frame b = Frame.fromRows(List.of(Map.of("m", 1L)));
        Frame c = Frame.fromRows(List.of(Map.of("n", "x")))) {
      assertThatThrownBy(() -> Frame.concat(List.of(a, b))).hasMessageContaining("[m]").hasMessageContaining("[n]");
      assertThatThrownBy(() -> Frame.concat(List.of(a, c))).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Column 'n'");
    }
  }

  @Test
  void selectCopiesColumnsInTheRequestedOrder() {
    Frame selected;
    try (Frame frame = numbers(0, 3)) {
      selected = frame.select(List.of("n", "id"));
    }
    try (selected) {
      assertThat(selected.columnNames()).containsExactly("n", "id");
      assertThat(selected.toRows().get(2)).containsExactly(Map.entry("n", 2L), Map.entry("id", "s2"));
    }
  }

  @Test
  void selectNamesMissingColumns() {
    try (Frame frame = numbers(0, 1)) {
      assertThatThrownBy(() -> frame.select(List.of("id", "nope", "gone")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Unknown columns [nope, gone]; the frame has [id, n, tags]");
      assertThatThrownBy(() -> frame.value(0, "nope")).hasMessageContaining("'nope'");
      assertThatThrownBy(() -> frame.value(1, "id")).isInstanceOf(IndexOutOfBoundsException.class);
    }
  }

  @Test
  void sliceCopiesARange() {
    try (Frame frame = numbers(0, 5); Frame slice = frame.slice(1, 3); Frame none = frame.slice(5, 0)) {
      assertThat(slice.toRows()).extracting(r -> r.get("n")).containsExactly(1L, 2L, 3L);
      assertThat(slice.value(0, "tags")).isEqualTo(List.of("t1"));
      assertThat(none.rowCount()).isZero();
      assertThatThrownBy(() -> frame.slice(4, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }
  }

  @Test
  void manyRowsGrowTheVectors() {
    try (Frame frame = numbers(0, 5000); Frame twice = Frame.concat(List.of(frame, frame));
        Frame tail = twice.slice(9990, 10)) {
      assertThat(twice.rowCount()).isEqualTo(10_000);
      assertThat(tail.value(9, "tags")).isEqualTo(List.of("t4999"));
      assertThat(twice.toRows().subList(5000, 10_000)).isEqualTo(frame.toRows());
    }
  }

  @Test
  void concatOfManyBatchesKeepsEveryValueOfStringsMapsAndNulls() {
    Schema schema = new Schema(List.of(FrameSchemas.field("id", FrameSchemas.UTF8), FrameSchemas.stringMap("m"),
        FrameSchemas.field("n", new ArrowType.Int(64, true))));
    List<Frame> batches = new java.util.ArrayList<>();
    List<Map<String, Object>> expected = new java.util.ArrayList<>();
    try {
      for (int b = 0; b < 7; b++) {
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 300 + b * 111; i++) {
          Map<String, Object> row = new java.util.LinkedHashMap<>();
          row.put("id", i % 17 == 0 ? null : "sample-" + b + "-" + i + "-" + "x".repeat(i % 40));
          row.put("m", i % 13 == 0 ? null : Map.of("audio", "a" + i, "frames", "f".repeat(i % 25)));
          row.put("n", i % 11 == 0 ? null : (long) i * b);
          rows.add(row);
        }
        expected.addAll(rows);
        batches.add(Frame.fromRows(schema, rows));
      }
      try (Frame all = Frame.concat(batches)) {
        assertThat(all.rowCount()).isEqualTo(expected.size());
        assertThat(all.toRows()).isEqualTo(expected);
      }
    } finally {
      batches.forEach(Frame::close);
    }
  }

  @Test
  void emptyFrameHasSchemaAndNoRows() {
    Schema schema = new Schema(List.of(FrameSchemas.field("id", FrameSchemas.UTF8), FrameSchemas.stringMap("m")));
    try (Frame frame = Frame.empty(schema)) {
      assertThat(frame.schema()).isEqualTo(schema);
      assertThat(frame.rowCount()).isZero();
      assertThat(frame.toRows()).isEmpty();
    }
  }

  @Test
  void ofTakesOwnershipOfARoot() {
    VectorSchemaRoot root = VectorSchemaRoot.create(
        new Schema(List.of(FrameSchemas.field("x", new ArrowType.Int(32, true)),
            FrameSchemas.field("s", FrameSchemas.UTF8))), Frame.allocator());
    root.allocateNew();
    ((IntVector) root.getVector("x")).setSafe(0, 5);
    ((VarCharVector) root.getVector("s")).setSafe(0, "v".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    root.setRowCount(1);
    Frame frame = Frame.of(root);
    assertThat(frame.toRows()).containsExactly(Map.of("x", 5L, "s", "v"));
    assertThat(frame.root()).isSameAs(root);
    frame.close();
    frame.close();
    assertThatThrownBy(frame::rowCount).isInstanceOf(IllegalStateException.class);
  }
}
