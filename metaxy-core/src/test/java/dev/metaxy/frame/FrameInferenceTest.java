package dev.metaxy.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoLeakedBuffers.class)
class FrameInferenceTest {

  private static Map<String, Object> row(String key, Object value) {
    Map<String, Object> m = new HashMap<>();
    m.put(key, value);
    return m;
  }

  @Test
  void allNullColumnIsUtf8() {
    try (Frame frame = Frame.fromRows(List.of(row("x", null), row("x", null)))) {
      assertThat(frame.schema().findField("x").getType()).isEqualTo(FrameSchemas.UTF8);
      assertThat(frame.rowCount()).isEqualTo(2);
      assertThat(frame.value(1, "x")).isNull();
    }
  }

  @Test
  void columnsAreTheUnionOfKeysInFirstSeenOrder() {
    Map<String, Object> first = new LinkedHashMap<>();
    first.put("b", 1L);
    first.put("a", "x");
    try (Frame frame = Frame.fromRows(List.of(first, row("c", true)))) {
      assertThat(frame.columnNames()).containsExactly("b", "a", "c");
      Map<String, Object> second = frame.toRows().get(1);
      assertThat(second).isInstanceOf(LinkedHashMap.class);
      assertThat(List.copyOf(second.keySet())).isEqualTo(List.of("b", "a", "c"));
      assertThat(Arrays.asList(second.values().toArray())).isEqualTo(Arrays.asList(null, null, true));
      assertThat(frame.hasColumn("c")).isTrue();
      assertThat(frame.hasColumn("d")).isFalse();
    }
  }

  @Test
  void emptyRowListGivesAnEmptyFrame() {
    try (Frame frame = Frame.fromRows(List.of())) {
      assertThat(frame.rowCount()).isZero();
      assertThat(frame.columnNames()).isEmpty();
    }
  }

  @Test
  void incompatibleValueNamesColumnRowAndBothTypes() {
    assertThatThrownBy(() -> Frame.fromRows(List.of(row("score", 1L), row("score", null), row("score", "high"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Column 'score', row 2: a String value is incompatible with the Long values seen earlier");
  }

  @Test
  void doubleThenStringIsRejected() {
    assertThatThrownBy(() -> Frame.fromRows(List.of(row("v", 1.5), row("v", 2), row("v", true))))
        .hasMessageContaining("Column 'v', row 2").hasMessageContaining("Boolean").hasMessageContaining("Double");
  }

  @Test
  void structChildMismatchNamesThePath() {
    assertThatThrownBy(() -> Frame.fromRows(List.of(row("s", Map.of("k", "a")), row("s", Map.of("k", 1)))))
        .hasMessageContaining("Column 's.k', row 1").hasMessageContaining("Integer")
        .hasMessageContaining("String");
  }

  @Test
  void listElementMismatchNamesThePath() {
    assertThatThrownBy(() -> Frame.fromRows(List.of(row("l", Arrays.asList("a", 2L)))))
        .hasMessageContaining("Column 'l[]', row 0").hasMessageContaining("Long").hasMessageContaining("String");
  }

  @Test
  void structWithListIsInferred() {
    try (Frame frame = Frame.fromRows(List.of(row("s", Map.of("xs", List.of(1.5)))))) {
      Field s = frame.schema().findField("s");
      assertThat(s.getChildren().get(0).getChildren().get(0).getType()).isEqualTo(FrameSchemas.FLOAT64);
    }
  }

  @Test
  void unsupportedTypeIsRejected() {
    assertThatThrownBy(() -> Frame.fromRows(List.of(row("o", new Object()))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Column 'o', row 0")
        .hasMessageContaining("java.lang.Object");
  }
}
