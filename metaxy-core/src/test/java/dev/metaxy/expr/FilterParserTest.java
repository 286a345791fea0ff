package dev.metaxy.expr;

import static dev.metaxy.expr.Expressions.and;
import static dev.metaxy.expr.Expressions.between;
import static dev.metaxy.expr.Expressions.col;
import static dev.metaxy.expr.Expressions.equal;
import static dev.metaxy.expr.Expressions.greaterThan;
import static dev.metaxy.expr.Expressions.greaterThanOrEqual;
import static dev.metaxy.expr.Expressions.in;
import static dev.metaxy.expr.Expressions.isNotNull;
import static dev.metaxy.expr.Expressions.isNull;
import static dev.metaxy.expr.Expressions.lessThan;
import static dev.metaxy.expr.Expressions.lit;
import static dev.metaxy.expr.Expressions.not;
import static dev.metaxy.expr.Expressions.notEqual;
import static dev.metaxy.expr.Expressions.notIn;
import static dev.metaxy.expr.Expressions.or;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilterParserTest {

  private static Expression parse(String filter) {
    return FilterParser.parse(filter);
  }

  @Test
  void comparisonsJoinedByAndBuildTheSameTreeAsTheFactory() {
    assertThat(parse("confidence < 0.3 AND status = 'failed'"))
        .isEqualTo(and(lessThan("confidence", 0.3), equal("status", "failed")));
  }

  @Test
  void notAppliesToAParenthesisedDisjunction() {
    assertThat(parse("NOT (a = 1 OR b IS NULL)")).isEqualTo(not(or(equal("a", 1), isNull("b"))));
  }

  @Test
  void inAndNotInTakeLiteralLists() {
    assertThat(parse("x IN (1, 2, 3)")).isEqualTo(in("x", 1, 2, 3));
    assertThat(parse("x NOT IN ('a','b')")).isEqualTo(notIn("x", "a", "b"));
    assertThat(parse("x IN (TRUE, NULL, -1.5)"))
        .isEqualTo(new In(col("x"), List.of(Literal.TRUE, Literal.NULL, lit(-1.5))));
  }

  @Test
  void betweenIsInclusiveRangeAndNotBetweenIsItsNegation() {
    assertThat(parse("x BETWEEN 1 AND 5")).isEqualTo(between("x", 1, 5));
    assertThat(parse("x NOT BETWEEN 1 AND 5")).isEqualTo(not(between("x", 1, 5)));
    assertThat(parse("x BETWEEN 1 AND 5 AND y = 2")).isEqualTo(and(between("x", 1, 5), equal("y", 2)));
  }

  @Test
  void equalityWithNullMeansNullCheck() {
    assertThat(parse("col = NULL")).isEqualTo(isNull("col"));
    assertThat(parse("NULL = col")).isEqualTo(isNull("col"));
    assertThat(parse("col != NULL")).isEqualTo(isNotNull("col"));
    assertThat(parse("col <> NULL")).isEqualTo(isNotNull("col"));
    assertThat(parse("col IS NOT NULL")).isEqualTo(isNotNull("col"));
  }

  @Test
  void alternativeInequalityAndEqualitySpellingsAreAccepted() {
    assertThat(parse("x <> 2")).isEqualTo(notEqual("x", 2));
    assertThat(parse("x != 2")).isEqualTo(notEqual("x", 2));
    assertThat(parse("x == 2")).isEqualTo(equal("x", 2));
  }

  @Test
  void everyLiteralKindIsParsed() {
    assertThat(literalOf("x = 'text'")).isEqualTo(new Literal("text"));
    assertThat(literalOf("x = 42")).isEqualTo(new Literal(42L));
    assertThat(literalOf("x = -42")).isEqualTo(new Literal(-42L));
    assertThat(literalOf("x = 2.5")).isEqualTo(new Literal(2.5));
    assertThat(literalOf("x = -2.5")).isEqualTo(new Literal(-2.5));
    assertThat(literalOf("x = - 7")).isEqualTo(new Literal(-7L));
    assertThat(literalOf("x = 1.5e3")).isEqualTo(new Literal(1500.0));
    assertThat(literalOf("x = 2E-3")).isEqualTo(new Literal(0.002));
    assertThat(literalOf("x = 1e+2")).isEqualTo(new Literal(100.0));
    assertThat(literalOf("x = .5")).isEqualTo(new Literal(0.5));
    assertThat(literalOf("x = 12345678901234567890"))
        .isEqualTo(new Literal(new BigDecimal("12345678901234567890")));
    assertThat(literalOf("x = -9223372036854775808")).isEqualTo(new Literal(Long.MIN_VALUE));
    assertThat(literalOf("x = true")).isEqualTo(Literal.TRUE);
    assertThat(literalOf("x = FALSE")).isEqualTo(Literal.FALSE);
    assertThat(literalOf("x = 'O''Brien'")).isEqualTo(new Literal("O'Brien"));
    assertThat(literalOf("x = ''")).isEqualTo(new Literal(""));
  }

  @Test
  void literalKindsAreReported() {
    assertThat(literalOf("x = 'a'").kind()).isEqualTo(Literal.Kind.STRING);
    assertThat(literalOf("x = 1").kind()).isEqualTo(Literal.Kind.LONG);
    assertThat(literalOf("x = 1.0").kind()).isEqualTo(Literal.Kind.DOUBLE);
    assertThat(literalOf("x = 99999999999999999999").kind()).isEqualTo(Literal.Kind.DECIMAL);
    assertThat(literalOf("x = TRUE").kind()).isEqualTo(Literal.Kind.BOOLEAN);
    assertThat(Literal.NULL.kind()).isEqualTo(Literal.Kind.NULL);
  }

  @Test
  void keywordsAreCaseInsensitive() {
    assertThat(parse("a = true and not b is null or c in (1) and d not between 1 and 2"))
        .isEqualTo(parse("a = TRUE AND NOT b IS NULL OR c IN (1) AND d NOT BETWEEN 1 AND 2"));
    assertThat(parse("x Is Not Null")).isEqualTo(isNotNull("x"));
  }

  @Test
  void doubleQuotedIdentifiersNameColumnsVerbatim() {
    assertThat(parse("\"My Col\" = 1")).isEqualTo(equal("My Col", 1));
    assertThat(parse("\"a\"\"b\" = 1")).isEqualTo(equal("a\"b", 1));
    assertThat(parse("\"select\" = 1")).isEqualTo(equal("select", 1));
    assertThat(parse("\"Status\" = 1")).isNotEqualTo(parse("status = 1"));
  }

  @Test
  void dottedIdentifiersAreJoinedWithDots() {
    assertThat(parse("a.b = 1")).isEqualTo(equal("a.b", 1));
    assertThat(parse("a . \"B c\" . d = 1")).isEqualTo(equal("a.B c.d", 1));
  }

  @Test
  void unicodeIdentifiersAreColumns() {
    assertThat(parse("größe > 1")).isEqualTo(greaterThan("größe", 1));
  }

  @Test
  void literalMayBeOnTheLeftAndColumnsMayBeCompared() {
    assertThat(parse("3 < x")).isEqualTo(new Comparison(Comparison.Op.LT, lit(3), col("x")));
    assertThat(parse("a >= b")).isEqualTo(greaterThanOrEqual(col("a"), col("b")));
    assertThat(parse("(x) = 1")).isEqualTo(equal("x", 1));
  }

  @Test
  void bareBooleanColumnsAndBooleanLiteralsArePredicates() {
    assertThat(parse("is_valid")).isEqualTo(col("is_valid"));
    assertThat(parse("NOT is_valid AND x = 1")).isEqualTo(and(not(col("is_valid")), equal("x", 1)));
    assertThat(parse("TRUE")).isEqualTo(Expressions.alwaysTrue());
  }

  @Test
  void andBindsTighterThanOr() {
    assertThat(parse("a = 1 OR b = 2 AND c = 3"))
        .isEqualTo(or(equal("a", 1), and(equal("b", 2), equal("c", 3))));
    assertThat(parse("a = 1 AND b = 2 OR c = 3"))
        .isEqualTo(or(and(equal("a", 1), equal("b", 2)), equal("c", 3)));
  }

  @Test
  void notBindsTighterThanAndButLooserThanComparison() {
    assertThat(parse("NOT a = 1 AND b = 2")).isEqualTo(and(not(equal("a", 1)), equal("b", 2)));
    assertThat(parse("NOT NOT a = 1")).isEqualTo(new Not(new Not(equal("a", 1))));
  }

  @Test
  void parenthesesOverridePrecedence() {
    assertThat(parse("(a = 1 OR b = 2) AND c = 3"))
        .isEqualTo(and(or(equal("a", 1), equal("b", 2)), equal("c", 3)));
  }

  @Test
  void chainsOfTheSameOperatorNestToTheLeft() {
    assertThat(parse("a = 1 AND b = 2 AND c = 3"))
        .isEqualTo(new And(new And(equal("a", 1), equal("b", 2)), equal("c", 3)));
  }

  @Test
  void whitespaceIsInsignificant() {
    assertThat(parse("\n\tx\t=\r\n1  ")).isEqualTo(equal("x", 1));
    assertThat(parse("x=1 AND(y<2)")).isEqualTo(and(equal("x", 1), lessThan("y", 2)));
  }

  @Test
  void toStringPrintsTheFilterBack() {
    assertThat(parse("confidence < 0.3 AND status = 'failed'").toString())
        .isEqualTo("confidence < 0.3 AND status = 'failed'");
    assertThat(parse("NOT (a = 1 OR b IS NULL)").toString()).isEqualTo("NOT (a = 1 OR b IS NULL)");
    assertThat(parse("x not in ('a','b')").toString()).isEqualTo("x NOT IN ('a', 'b')");
    assertThat(parse("(a = 1 OR b = 2) AND c = 3").toString()).isEqualTo("(a = 1 OR b = 2) AND c = 3");
    assertThat(parse("a = 1 AND (b = 2 AND c = 3)").toString()).isEqualTo("a = 1 AND (b = 2 AND c = 3)");
    assertThat(parse("\"My Col\" = 'O''Brien'").toString()).isEqualTo("\"My Col\" = 'O''Brien'");
    assertThat(parse("\"select\" <> 1").toString()).isEqualTo("\"select\" != 1");
    assertThat(parse("x = 1e-5").toString()).isEqualTo("x = 1.0E-5");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "confidence < 0.3 AND status = 'failed'",
      "NOT (a = 1 OR b IS NULL)",
      "x IN (1, 2, 3)",
      "x NOT IN ('a','b')",
      "x BETWEEN -1 AND 5.5",
      "x NOT BETWEEN 1 AND 5",
      "col = NULL OR col != NULL",
      "a = 1 OR b = 2 AND c = 3",
      "a = 1 OR (b = 2 OR c = 3)",
      "(a = 1 OR b = 2) AND NOT (c = 3 AND d = 4)",
      "\"My Col\" >= 1e-7 AND \"we\"\"ird\" = 'it''s'",
      "a.b = 12345678901234567890",
      "3 < x AND a >= b",
      "flag AND NOT other_flag",
      "x IN (TRUE, FALSE, NULL)",
      "TRUE",
      "NOT NOT x = 1",
      "\"and\" = 1 OR \"x y\".z IS NULL"})
  void printedFilterParsesBackToAnEqualTree(String filter) {
    Expression parsed = parse(filter);

    assertThat(parse(parsed.toString())).isEqualTo(parsed);
  }

  @Test
  void parseAllCombinesFiltersWithAnd() {
    assertThat(Expressions.parseAll(List.of("a = 1", "b > 2")))
        .isEqualTo(and(equal("a", 1), greaterThan("b", 2)));
    assertThat(Expressions.parseAll(List.of())).isEqualTo(Expressions.alwaysTrue());
  }

  private static Literal literalOf(String filter) {
    return (Literal) ((Comparison) parse(filter)).right();
  }
}
