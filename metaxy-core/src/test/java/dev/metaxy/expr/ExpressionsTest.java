package dev.metaxy.expr;

import static dev.metaxy.expr.Expressions.alwaysFalse;
import static dev.metaxy.expr.Expressions.alwaysTrue;
import static dev.metaxy.expr.Expressions.and;
import static dev.metaxy.expr.Expressions.col;
import static dev.metaxy.expr.Expressions.equal;
import static dev.metaxy.expr.Expressions.in;
import static dev.metaxy.expr.Expressions.lessThan;
import static dev.metaxy.expr.Expressions.lit;
import static dev.metaxy.expr.Expressions.not;
import static dev.metaxy.expr.Expressions.or;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpressionsTest {

  @Test
  void javaNumbersAreNormalisedToLongDoubleOrDecimal() {
    assertThat(lit(1)).isEqualTo(lit(1L));
    assertThat(lit((short) 1).value()).isEqualTo(1L);
    assertThat(lit(1.5f).value()).isEqualTo(1.5);
    assertThat(lit(BigInteger.TEN).value()).isEqualTo(BigDecimal.TEN);
    assertThat(lit('c').value()).isEqualTo("c");
    assertThat(lit(null)).isSameAs(Literal.NULL);
  }

  @Test
  void unsupportedLiteralValuesAreRefused() {
    assertThatThrownBy(() -> lit(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("finite");
    assertThatThrownBy(() -> lit(new Object())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unsupported literal type java.lang.Object");
    assertThatThrownBy(() -> col("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> in("x", List.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one value");
  }

  @Test
  void equalityWithNullBuildsNullChecks() {
    assertThat(equal("x", null)).isEqualTo(Expressions.isNull("x"));
    assertThat(Expressions.notEqual("x", null)).isEqualTo(Expressions.isNotNull("x"));
    assertThatThrownBy(() -> lessThan("x", null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("use isNull");
  }

  @Test
  void operandArgumentsBuildColumnToColumnPredicates() {
    assertThat(equal("a", col("b"))).isEqualTo(new Comparison(Comparison.Op.EQ, col("a"), col("b")));
  }

  @Test
  void booleanLiteralsFoldAwayInCombinators() {
    Expression x = equal("x", 1);
    assertThat(and(alwaysTrue(), x)).isEqualTo(x);
    assertThat(and(x, alwaysFalse())).isEqualTo(alwaysFalse());
    assertThat(or(alwaysFalse(), x)).isEqualTo(x);
    assertThat(or(x, alwaysTrue())).isEqualTo(alwaysTrue());
    assertThat(not(alwaysTrue())).isEqualTo(alwaysFalse());
    assertThat(and(List.of())).isEqualTo(alwaysTrue());
    assertThat(or(List.of())).isEqualTo(alwaysFalse());
  }

  @Test
  void varargsCombinatorsNestToTheLeft() {
    Expression a = equal("a", 1);
    Expression b = equal("b", 2);
    Expression c = equal("c", 3);
    assertThat(and(a, b, c)).isEqualTo(new And(new And(a, b), c));
    assertThat(or(a, b, c)).isEqualTo(new Or(new Or(a, b), c));
  }

  @Test
  void referencedColumnsAreListedOnceInOrderOfAppearance() {
    Expression e = Expressions.parse("b = 1 AND (a IS NULL OR b < c) AND NOT d BETWEEN e AND 3 AND f IN (1)");

    assertThat(Expressions.referencedColumns(e)).containsExactly("b", "a", "c", "d", "e", "f");
    assertThat(Expressions.referencedColumns(alwaysTrue())).isEmpty();
  }

  @Test
  void missingColumnsAreReportedWithTheAvailableOnes() {
    Expression e = Expressions.parse("age >= 25 AND country = 'NL'");

    assertThatThrownBy(() -> Expressions.requireColumns(e, List.of("age", "name")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown column 'country'")
        .hasMessageContaining("available columns: [age, name]");
  }

  @Test
  void visitorSeesEveryNodeType() {
    ExpressionVisitor<String> names = new ExpressionVisitor<>() {
      @Override public String visitColumn(Column column) { return "col"; }
      @Override public String visitLiteral(Literal literal) { return "lit"; }
      @Override public String visitComparison(Comparison comparison) { return "cmp"; }
      @Override public String visitAnd(And and) { return "and"; }
      @Override public String visitOr(Or or) { return "or"; }
      @Override public String visitNot(Not n) { return "not"; }
      @Override public String visitIsNull(IsNull isNull) { return "isNull"; }
      @Override public String visitIsNotNull(IsNotNull isNotNull) { return "isNotNull"; }
      @Override public String visitIn(In in) { return "in"; }
      @Override public String visitNotIn(NotIn notIn) { return "notIn"; }
      @Override public String visitBetween(Between between) { return "between"; }
    };
    List<String> filters = List.of("x", "TRUE", "x = 1", "x AND y", "x OR y", "NOT x", "x IS NULL",
        "x IS NOT NULL", "x IN (1)", "x NOT IN (1)", "x BETWEEN 1 AND 2");

    assertThat(filters).map(f -> Expressions.parse(f).accept(names)).containsExactly(
        "col", "lit", "cmp", "and", "or", "not", "isNull", "isNotNull", "in", "notIn", "between");
  }
}
