package dev.metaxy.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowPredicateTest {

  private static RowPredicate filter(String filter) {
    return RowPredicate.of(Expressions.parse(filter));
  }

  private static Map<String, Object> row(Object... keyValues) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      row.put((String) keyValues[i], keyValues[i + 1]);
    }
    return row;
  }

  @Test
  void rowsMatchingEveryConditionAreKept() {
    RowPredicate p = filter("confidence < 0.3 AND status = 'failed'");

    assertThat(p.test(row("confidence", 0.1, "status", "failed"))).isTrue();
    assertThat(p.test(row("confidence", 0.5, "status", "failed"))).isFalse();
    assertThat(p.test(row("confidence", 0.1, "status", "ok"))).isFalse();
  }

  @Test
  void comparisonWithNullIsUnknownAndExcludesTheRow() {
    Map<String, Object> nullX = row("x", null);

    assertThat(filter("x = 1").evaluate(nullX)).isNull();
    assertThat(filter("x = 1").test(nullX)).isFalse();
    assertThat(filter("x != 1").test(nullX)).isFalse();
    assertThat(filter("NOT (x = 1)").evaluate(nullX)).isNull();
    assertThat(filter("NOT (x = 1)").test(nullX)).isFalse();
    assertThat(filter("x IS NULL").test(nullX)).isTrue();
    assertThat(filter("x = NULL").test(nullX)).isTrue();
    assertThat(filter("x IS NOT NULL").test(nullX)).isFalse();
    assertThat(filter("x < NULL").evaluate(row("x", 1))).isNull();
  }

  @Test
  void andOrFollowThreeValuedLogic() {
    assertThat(filter("x = 1 OR y = 2").evaluate(row("x", null, "y", 2))).isTrue();
    assertThat(filter("x = 1 OR y = 2").evaluate(row("x", null, "y", 3))).isNull();
    assertThat(filter("x = 1 AND y = 2").evaluate(row("x", null, "y", 3))).isFalse();
    assertThat(filter("x = 1 AND y = 2").evaluate(row("x", null, "y", 2))).isNull();
  }

  @Test
  void numbersCompareByValueAcrossJavaTypes() {
    assertThat(filter("x = 1").test(row("x", 1))).isTrue();
    assertThat(filter("x = 1").test(row("x", 1.0))).isTrue();
    assertThat(filter("x = 1").test(row("x", (short) 1))).isTrue();
    assertThat(filter("x = 0.3").test(row("x", new BigDecimal("0.30")))).isTrue();
    assertThat(filter("x = 0.5").test(row("x", 0.5f))).isTrue();
    assertThat(filter("x > 12345678901234567890").test(row("x", new BigInteger("12345678901234567891"))))
        .isTrue();
    assertThat(filter("x < 9223372036854775807").test(row("x", Long.MIN_VALUE))).isTrue();
    assertThat(filter("x >= -2.5").test(row("x", -2))).isTrue();
  }

  @Test
  void stringsCompareInCodePointOrder() {
    assertThat(filter("name < 'b'").test(row("name", "a"))).isTrue();
    assertThat(filter("name < 'a'").test(row("name", "B"))).isTrue();
    assertThat(filter("name = 'O''Brien'").test(row("name", "O'Brien"))).isTrue();
  }

  @Test
  void booleanColumnsCanBeComparedOrUsedBare() {
    assertThat(filter("flag = TRUE").test(row("flag", true))).isTrue();
    assertThat(filter("flag").test(row("flag", true))).isTrue();
    assertThat(filter("flag").test(row("flag", false))).isFalse();
    assertThat(filter("NOT flag").evaluate(row("flag", null))).isNull();
    assertThat(filter("flag > FALSE").test(row("flag", true))).isTrue();
  }

  @Test
  void bareNonBooleanColumnIsATypeError() {
    assertThatThrownBy(() -> filter("count").test(row("count", 5)))
        .isInstanceOf(InvalidFilterException.class)
        .hasMessageContaining("filter count evaluated to 5 (Integer), not a boolean");
  }

  @Test
  void comparingAStringWithANumberIsATypeError() {
    assertThatThrownBy(() -> filter("status = 3").test(row("status", "failed")))
        .isInstanceOf(InvalidFilterException.class)
        .hasMessageContaining("cannot compare 'failed' (String) with 3 (Long): incompatible types");
  }

  @Test
  void inListMatchesAnyValueAndIsUnknownWhenNullIsListed() {
    assertThat(filter("x IN (1, 2)").test(row("x", 2))).isTrue();
    assertThat(filter("x IN (1, 2)").evaluate(row("x", 3))).isFalse();
    assertThat(filter("x IN (1, NULL)").evaluate(row("x", 1))).isTrue();
    assertThat(filter("x IN (1, NULL)").evaluate(row("x", 3))).isNull();
    assertThat(filter("x IN (1, 2)").evaluate(row("x", null))).isNull();
  }

  @Test
  void notInExcludesRowsWhenNullIsListed() {
    assertThat(filter("x NOT IN ('a', 'b')").test(row("x", "c"))).isTrue();
    assertThat(filter("x NOT IN ('a', 'b')").test(row("x", "a"))).isFalse();
    assertThat(filter("x NOT IN (1, NULL)").evaluate(row("x", 3))).isNull();
    assertThat(filter("x NOT IN (1, 2)").evaluate(row("x", null))).isNull();
  }

  @Test
  void betweenIncludesBothBounds() {
    RowPredicate p = filter("x BETWEEN 1 AND 5");

    assertThat(p.test(row("x", 1))).isTrue();
    assertThat(p.test(row("x", 5))).isTrue();
    assertThat(p.test(row("x", 5.01))).isFalse();
    assertThat(p.evaluate(row("x", null))).isNull();
    assertThat(filter("x NOT BETWEEN 1 AND 5").test(row("x", 0))).isTrue();
  }

  @Test
  void columnsCanBeComparedWithEachOther() {
    assertThat(filter("a >= b").test(row("a", 3, "b", 2.5))).isTrue();
    assertThat(filter("3 < a").test(row("a", 4))).isTrue();
  }

  @Test
  void temporalValuesCompareWithIsoStrings() {
    assertThat(filter("day > '2024-01-05'").test(row("day", LocalDate.of(2024, 1, 6)))).isTrue();
    assertThat(filter("ts <= '2024-01-05T00:00:00Z'").test(row("ts", Instant.parse("2024-01-04T12:00:00Z"))))
        .isTrue();
    assertThatThrownBy(() -> filter("day > 'soon'").test(row("day", LocalDate.of(2024, 1, 6))))
        .isInstanceOf(InvalidFilterException.class)
        .hasMessageContaining("not an ISO-8601 LocalDate");
  }

  @Test
  void missingColumnIsReportedWithTheAvailableColumns() {
    assertThatThrownBy(() -> filter("x = 1 AND y = 2").test(row("x", 1, "z", 3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown column 'y'")
        .hasMessageContaining("available columns: [x, z]");
  }

  @Test
  void rowsCanBeGivenAsColumnLookups() {
    Map<String, Object> values = new HashMap<>(Map.of("x", 1));
    RowPredicate p = filter("x = 1");

    assertThat(p.test(values::get)).isTrue();
    assertThat(p.test(name -> 2)).isFalse();
    assertThat(p.evaluate(name -> null)).isNull();
  }
}
