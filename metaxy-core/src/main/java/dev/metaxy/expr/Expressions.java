package dev.metaxy.expr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Static factories for {@link Expression} trees, in the style of Iceberg's {@code Expressions}:
 * {@code and(equal("status", "failed"), lessThan("confidence", 0.3))}. Value arguments may be plain Java
 * values (wrapped with {@link Literal#of}) or operands ({@link #col}, {@link #lit}) for column-to-column
 * predicates. {@code and}/{@code or}/{@code not} fold away boolean literals; the parser does not.
 */
public final class Expressions {

  private Expressions() {}

  public static Column col(String name) {
    return new Column(name);
  }

  public static Literal lit(Object value) {
    return Literal.of(value);
  }

  public static Literal alwaysTrue() {
    return Literal.TRUE;
  }

  public static Literal alwaysFalse() {
    return Literal.FALSE;
  }

  /** {@code column = value}; a null value gives {@code column IS NULL}, as {@code col = NULL} does. */
  public static Expression equal(String column, Object value) {
    return value == null ? isNull(column) : equal(col(column), operand(value));
  }

  public static Comparison equal(Operand left, Operand right) {
    return new Comparison(Comparison.Op.EQ, left, right);
  }

  /** {@code column != value}; a null value gives {@code column IS NOT NULL}, as {@code col != NULL} does. */
  public static Expression notEqual(String column, Object value) {
    return value == null ? isNotNull(column) : notEqual(col(column), operand(value));
  }

  public static Comparison notEqual(Operand left, Operand right) {
    return new Comparison(Comparison.Op.NE, left, right);
  }

  public static Comparison lessThan(String column, Object value) {
    return compare(Comparison.Op.LT, column, value);
  }

  public static Comparison lessThan(Operand left, Operand right) {
    return new Comparison(Comparison.Op.LT, left, right);
  }

  public static Comparison lessThanOrEqual(String column, Object value) {
    return compare(Comparison.Op.LE, column, value);
  }

  public static Comparison lessThanOrEqual(Operand left, Operand right) {
    return new Comparison(Comparison.Op.LE, left, right);
  }

  public static Comparison greaterThan(String column, Object value) {
    return compare(Comparison.Op.GT, column, value);
  }

  public static Comparison greaterThan(Operand left, Operand right) {
    return new Comparison(Comparison.Op.GT, left, right);
  }

  public static Comparison greaterThanOrEqual(String column, Object value) {
    return compare(Comparison.Op.GE, column, value);
  }

  public static Comparison greaterThanOrEqual(Operand left, Operand right) {
    return new Comparison(Comparison.Op.GE, left, right);
  }

  /** Conjunction of two or more predicates, left-nested: {@code and(a, b, c)} is {@code (a AND b) AND c}. */
  public static Expression and(Expression left, Expression right, Expression... more) {
    return and(list(left, right, more));
  }

  /** Conjunction of any number of predicates; an empty collection is {@link #alwaysTrue()}. */
  public static Expression and(Collection<? extends Expression> predicates) {
    Expression result = Literal.TRUE;
    for (Expression next : predicates) {
      if (Literal.FALSE.equals(result) || Literal.FALSE.equals(next)) {
        result = Literal.FALSE;
      } else if (Literal.TRUE.equals(result)) {
        result = next;
      } else if (!Literal.TRUE.equals(next)) {
        result = new And(result, next);
      }
    }
    return result;
  }

  /** Disjunction of two or more predicates, left-nested. */
  public static Expression or(Expression left, Expression right, Expression... more) {
    return or(list(left, right, more));
  }

  /** Disjunction of any number of predicates; an empty collection is {@link #alwaysFalse()}. */
  public static Expression or(Collection<? extends Expression> predicates) {
    Expression result = Literal.FALSE;
    for (Expression next : predicates) {
      if (Literal.TRUE.equals(result) || Literal.TRUE.equals(next)) {
        result = Literal.TRUE;
      } else if (Literal.FALSE.equals(result)) {
        result = next;
      } else if (!Literal.FALSE.equals(next)) {
        result = new Or(result, next);
      }
    }
    return result;
  }

  public static Expression not(Expression child) {
    if (Literal.TRUE.equals(child)) {
      return Literal.FALSE;
    }
    if (Literal.FALSE.equals(child)) {
      return Literal.TRUE;
    }
    return new Not(child);
  }

  public static IsNull isNull(String column) {
    return new IsNull(col(column));
  }

  public static IsNotNull isNotNull(String column) {
    return new IsNotNull(col(column));
  }

  public static In in(String column, Object... values) {
    return in(column, Arrays.asList(values));
  }

  public static In in(String column, Collection<?> values) {
    return new In(col(column), literals(values));
  }

  public static NotIn notIn(String column, Object... values) {
    return notIn(column, Arrays.asList(values));
  }

  public static NotIn notIn(String column, Collection<?> values) {
    return new NotIn(col(column), literals(values));
  }

  /** {@code column BETWEEN low AND high}, inclusive at both ends. */
  public static Between between(String column, Object low, Object high) {
    return new Between(col(column), operand(low), operand(high));
  }

  /** Parses a filter string; see {@link FilterParser}. */
  public static Expression parse(String filter) {
    return FilterParser.parse(filter);
  }

  /** Parses several filter strings and combines them with AND; none gives {@link #alwaysTrue()}. */
  public static Expression parseAll(Collection<String> filters) {
    List<Expression> parsed = new ArrayList<>();
    for (String filter : filters) {
      parsed.add(parse(filter));
    }
    return and(parsed);
  }

  /** The column names the expression reads, in order of first appearance. */
  public static Set<String> referencedColumns(Expression expression) {
    return ReferencedColumns.of(expression);
  }

  /**
   * Checks that every column the expression reads is available.
   *
   * @throws IllegalArgumentException naming the first missing column and listing the available ones
   */
  public static void requireColumns(Expression expression, Collection<String> available) {
    for (String name : referencedColumns(expression)) {
      if (!available.contains(name)) {
        throw new IllegalArgumentException("filter " + expression + " references unknown column '" + name
            + "'; available columns: " + available);
      }
    }
  }

  private static Comparison compare(Comparison.Op op, String column, Object value) {
    if (value == null) {
      throw new IllegalArgumentException("comparing column '" + column + "' with " + op.symbol()
          + " NULL is never true; use isNull or isNotNull");
    }
    return new Comparison(op, col(column), operand(value));
  }

  private static Operand operand(Object value) {
    return value instanceof Operand operand ? operand : Literal.of(value);
  }

  private static List<Literal> literals(Collection<?> values) {
    List<Literal> literals = new ArrayList<>(values.size());
    for (Object value : values) {
      literals.add(value instanceof Literal literal ? literal : Literal.of(value));
    }
    return literals;
  }

  private static List<Expression> list(Expression left, Expression right, Expression... more) {
    List<Expression> all = new ArrayList<>(2 + more.length);
    all.add(left);
    all.add(right);
    all.addAll(Arrays.asList(more));
    return all;
  }
}
