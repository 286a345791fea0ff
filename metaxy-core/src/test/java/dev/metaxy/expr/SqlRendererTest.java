package dev.metaxy.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlRendererTest {

  private static String sql(String filter) {
    return SqlRenderer.ansi().render(Expressions.parse(filter));
  }

  @Test
  void everyPredicateIsParenthesisedAndEveryNameQuoted() {
    assertThat(sql("confidence < 0.3 AND status = 'failed'"))
        .isEqualTo("((\"confidence\" < 0.3) AND (\"status\" = 'failed'))");
    assertThat(sql("NOT (a = 1 OR b IS NULL)")).isEqualTo("(NOT ((\"a\" = 1) OR (\"b\" IS NULL)))");
    assertThat(sql("a = 1 OR b = 2 AND c = 3"))
        .isEqualTo("((\"a\" = 1) OR ((\"b\" = 2) AND (\"c\" = 3)))");
  }

  @Test
  void nullChecksInListsAndRangesRender() {
    assertThat(sql("x IS NOT NULL")).isEqualTo("(\"x\" IS NOT NULL)");
    assertThat(sql("x = NULL")).isEqualTo("(\"x\" IS NULL)");
    assertThat(sql("x IN (1, 2, 3)")).isEqualTo("(\"x\" IN (1, 2, 3))");
    assertThat(sql("x NOT IN ('a','b', NULL)")).isEqualTo("(\"x\" NOT IN ('a', 'b', NULL))");
    assertThat(sql("x BETWEEN -1 AND 5")).isEqualTo("(\"x\" BETWEEN -1 AND 5)");
    assertThat(sql("x NOT BETWEEN 1 AND 5")).isEqualTo("(NOT (\"x\" BETWEEN 1 AND 5))");
  }

  @Test
  void comparisonOperatorsUseStandardSpellings() {
    assertThat(sql("x <> 1")).isEqualTo("(\"x\" != 1)");
    assertThat(sql("x == 1")).isEqualTo("(\"x\" = 1)");
    assertThat(sql("1 <= x")).isEqualTo("(1 <= \"x\")");
    assertThat(sql("a > b")).isEqualTo("(\"a\" > \"b\")");
    assertThat(sql("a >= b")).isEqualTo("(\"a\" >= \"b\")");
  }

  @Test
  void literalsRenderUnambiguously() {
    assertThat(sql("x = 1e-5")).isEqualTo("(\"x\" = 0.00001)");
    assertThat(sql("x = 1e20")).isEqualTo("(\"x\" = 100000000000000000000.0)");
    assertThat(sql("x = -2.5")).isEqualTo("(\"x\" = -2.5)");
    assertThat(sql("x = 3.0")).isEqualTo("(\"x\" = 3.0)");
    assertThat(sql("x = -7")).isEqualTo("(\"x\" = -7)");
    assertThat(sql("x = 12345678901234567890")).isEqualTo("(\"x\" = 12345678901234567890)");
    assertThat(sql("x = TRUE OR y = false")).isEqualTo("((\"x\" = TRUE) OR (\"y\" = FALSE))");
    assertThat(SqlRenderer.ansi().render(Expressions.equal("x", new BigDecimal("1.50"))))
        .isEqualTo("(\"x\" = 1.50)");
  }

  @Test
  void quotesInsideNamesAndStringsAreDoubled() {
    assertThat(sql("\"we\"\"ird\" = 'O''Brien'")).isEqualTo("(\"we\"\"ird\" = 'O''Brien')");
    assertThat(sql("\"My Col\" = 'back\\slash'")).isEqualTo("(\"My Col\" = 'back\\slash')");
  }

  @Test
  void dottedNamesRenderAsOneQuotedIdentifier() {
    assertThat(sql("a.b = 1")).isEqualTo("(\"a.b\" = 1)");
  }

  @Test
  void bareBooleansRenderAsValues() {
    assertThat(sql("flag AND x = 1")).isEqualTo("(\"flag\" AND (\"x\" = 1))");
    assertThat(sql("NOT flag")).isEqualTo("(NOT \"flag\")");
    assertThat(SqlRenderer.ansi().render(Expressions.alwaysTrue())).isEqualTo("TRUE");
  }

  @Test
  void columnsCanBeQualifiedWithATableAlias() {
    assertThat(SqlRenderer.ansi().withTableAlias("t").render(Expressions.parse("x = 1 AND \"y\" IS NULL")))
        .isEqualTo("((\"t\".\"x\" = 1) AND (\"t\".\"y\" IS NULL))");
  }

  @Test
  void columnMapperMapsRenamedColumnsToSourceExpressions() {
    Map<String, String> renamed = Map.of("age", "\"u\".\"age_years\"");
    SqlRenderer renderer = SqlRenderer.ansi()
        .withColumnMapper(name -> renamed.getOrDefault(name, SqlDialect.ANSI.quoteIdentifier(name)));

    assertThat(renderer.render(Expressions.parse("age >= 25 AND name = 'a'")))
        .isEqualTo("((\"u\".\"age_years\" >= 25) AND (\"name\" = 'a'))");
  }

  @Test
  void dialectsOverrideSingleSpellings() {
    SqlDialect backticks = new SqlDialect() {
      @Override
      public String quoteIdentifier(String name) {
        return "`" + name.replace("`", "``") + "`";
      }

      @Override
      public String booleanLiteral(boolean value) {
        return value ? "1" : "0";
      }
    };

    assertThat(new SqlRenderer(backticks).render(Expressions.parse("\"a`b\" = TRUE")))
        .isEqualTo("(`a``b` = 1)");
  }
}
