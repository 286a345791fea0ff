package dev.metaxy.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(NoLeakedBuffers.class)
class FrameIoTest {

  private static Frame sample(int rows) {
    Schema schema = new Schema(List.of(FrameSchemas.field("id", FrameSchemas.UTF8),
        FrameSchemas.field("n", FrameSchemas.INT64), FrameSchemas.field("at", FrameSchemas.TIMESTAMP_UTC),
        FrameSchemas.field("day", FrameSchemas.DATE), FrameSchemas.stringMap("prov"),
        FrameSchemas.list("xs", FrameSchemas.FLOAT64),
        FrameSchemas.field("dec", new org.apache.arrow.vector.types.pojo.ArrowType.Decimal(10, 3, 128))));
    List<Map<String, Object>> data = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", "s" + i);
      row.put("n", i % 3 == 0 ? null : (long) i);
      row.put("at", Instant.ofEpochSecond(1_700_000_000L + i, 1000L * i));
      row.put("day", LocalDate.ofEpochDay(i));
      row.put("prov", Map.of("f", "h" + i));
      row.put("xs", List.of(i * 0.5));
      row.put("dec", new BigDecimal("1.5"));
      data.add(row);
    }
    return Frame.fromRows(schema, data);
  }

  @Test
  void arrowIpcFileRoundTrip(@TempDir Path dir) {
    Path file = dir.resolve("frame.arrow");
    try (Frame frame = sample(50)) {
      frame.writeArrowIpc(file);
      try (Frame back = Frame.readArrowIpc(file)) {
        assertThat(back.schema()).isEqualTo(frame.schema());
        assertThat(back.toRows()).isEqualTo(frame.toRows());
        assertThat(back.value(1, "dec")).isEqualTo(new BigDecimal("1.500"));
      }
    }
  }

  @Test
  void emptyFrameIpcRoundTrip(@TempDir Path dir) {
    Path file = dir.resolve("empty.arrow");
    try (Frame frame = sample(0)) {
      frame.writeArrowIpc(file);
      try (Frame back = Frame.readArrowIpc(file)) {
        assertThat(back.schema()).isEqualTo(frame.schema());
        assertThat(back.rowCount()).isZero();
      }
    }
  }

  @Test
  void readerStreamsOneBatchThatOutlivesTheFrame() throws Exception {
    List<Map<String, Object>> expected;
    ArrowReader reader;
    try (Frame frame = sample(10)) {
      expected = frame.toRows();
      reader = frame.reader();
    }
    try (reader) {
      assertThat(reader.loadNextBatch()).isTrue();
      List<Map<String, Object>> rows = new ArrayList<>();
      var root = reader.getVectorSchemaRoot();
      for (int i = 0; i < root.getRowCount(); i++) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (var vector : root.getFieldVectors()) {
          row.put(vector.getName(), FrameValues.read(vector, i));
        }
        rows.add(row);
      }
      assertThat(rows).isEqualTo(expected);
      assertThat(reader.loadNextBatch()).isFalse();
    }
  }

  @Test
  void unreadReaderReleasesItsBatchOnClose() throws Exception {
    try (Frame frame = sample(3); ArrowReader reader = frame.reader()) {
      assertThat(reader.getVectorSchemaRoot().getSchema()).isEqualTo(frame.schema());
    }
  }

  @Test
  void allocatorReturnsToItsStartingValueAfterFramesAreClosed(@TempDir Path dir) {
    assertThat(Frame.allocator().getLimit()).isEqualTo(Long.MAX_VALUE);
    long start = Frame.allocator().getAllocatedMemory();
    Path file = dir.resolve("f.arrow");
    Frame a = sample(100);
    Frame b = a.select(List.of("id", "prov"));
    Frame c = a.slice(10, 20);
    Frame d = Frame.concat(List.of(a, c));
    a.writeArrowIpc(file);
    Frame e = Frame.readArrowIpc(file);
    assertThat(Frame.allocator().getAllocatedMemory()).isGreaterThan(start);
    for (Frame f : List.of(a, b, c, d, e)) {
      f.close();
    }
    assertThat(Frame.allocator().getAllocatedMemory()).isEqualTo(start);
  }
}
