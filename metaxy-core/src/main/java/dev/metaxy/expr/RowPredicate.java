package dev.metaxy.expr;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Evaluates an expression against single rows with SQL three-valued logic: a comparison involving
 * {@code NULL} is unknown, {@code NOT unknown} is unknown, and a row is kept only when the result is
 * {@code TRUE}. Values compare across Java number types by value; comparing incompatible types (say a
 * string with a number) throws {@link InvalidFilterException} rather than silently dropping rows.
 */
public final class RowPredicate implements Predicate<Map<String, ?>> {

  private final Expression expression;
  private final Set<String> columns;

  private RowPredicate(Expression expression) {
    this.expression = Objects.requireNonNull(expression, "expression");
    this.columns = Expressions.referencedColumns(expression);
  }

  /** A predicate for the given expression. */
  public static RowPredicate of(Expression expression) {
    return new RowPredicate(expression);
  }

  /** The expression being evaluated. */
  public Expression expression() {
    return expression;
  }

  /**
   * Whether the row satisfies the filter (the result is {@code TRUE}).
   *
   * @throws IllegalArgumentException if the filter references a column missing from the row
   */
  @Override
  public boolean test(Map<String, ?> row) {
    return Boolean.TRUE.equals(evaluate(row));
  }

  /** Whether the row, given as a column lookup, satisfies the filter (the result is {@code TRUE}). */
  public boolean test(Function<String, ?> row) {
    return Boolean.TRUE.equals(evaluate(row));
  }

  /**
   * The three-valued result for a row: {@code TRUE}, {@code FALSE} or {@code null} for unknown.
   *
   * @throws IllegalArgumentException if the filter references a column missing from the row
   */
  public Boolean evaluate(Map<String, ?> row) {
    for (String column : columns) {
      if (!row.containsKey(column)) {
        Expressions.requireColumns(expression, row.keySet());
      }
    }
    return evaluate((Function<String, ?>) row::get);
  }

  /** The three-valued result for a row given as a column lookup: {@code TRUE}, {@code FALSE} or null. */
  public Boolean evaluate(Function<String, ?> row) {
    Objects.requireNonNull(row, "row");
    return new Evaluation(row).truth(expression);
  }

  @Override
  public String toString() {
    return "RowPredicate[" + expression + "] over " + columns;
  }

  /** One evaluation over one row; operands yield values, predicates yield nullable Booleans. */
  private static final class Evaluation implements ExpressionVisitor<Object> {

    private final Function<String, ?> row;

    Evaluation(Function<String, ?> row) {
      this.row = row;
    }

    Boolean truth(Expression expression) {
      Object result = expression.accept(this);
      if (result == null || result instanceof Boolean) {
        return (Boolean) result;
      }
      throw new InvalidFilterException("filter " + expression + " evaluated to "
          + ValueComparator.describe(result) + ", not a boolean");
    }

    @Override
    public Object visitColumn(Column column) {
      return row.apply(column.name());
    }

    @Override
    public Object visitLiteral(Literal literal) {
      return literal.value();
    }

    @Override
    public Object visitComparison(Comparison comparison) {
      return compare(comparison.op(), comparison.left().accept(this), comparison.right().accept(this));
    }

    @Override
    public Object visitAnd(And and) {
      Boolean left = truth(and.left());
      if (Boolean.FALSE.equals(left)) {
        return false;
      }
      Boolean right = truth(and.right());
      if (Boolean.FALSE.equals(right)) {
        return false;
      }
      return left == null || right == null ? null : Boolean.TRUE;
    }

    @Override
    public Object visitOr(Or or) {
      Boolean left = truth(or.left());
      if (Boolean.TRUE.equals(left)) {
        return true;
      }
      Boolean right = truth(or.right());
      if (Boolean.TRUE.equals(right)) {
        return true;
      }
      return left == null || right == null ? null : Boolean.FALSE;
    }

    @Override
    public Object visitNot(Not not) {
      Boolean child = truth(not.child());
      return child == null ? null : !child;
    }

    @Override
    public Object visitIsNull(IsNull isNull) {
      return isNull.operand().accept(this) == null;
    }

    @Override
    public Object visitIsNotNull(IsNotNull isNotNull) {
      return isNotNull.operand().accept(this) != null;
    }

    @Override
    public Object visitIn(In in) {
      return member(in.operand().accept(this), in.values());
    }

    @Override
    public Object visitNotIn(NotIn notIn) {
      Boolean member = member(notIn.operand().accept(this), notIn.values());
      return member == null ? null : !member;
    }

    @Override
    public Object visitBetween(Between between) {
      Object value = between.operand().accept(this);
      Boolean aboveLow = compare(Comparison.Op.GE, value, between.low().accept(this));
      Boolean belowHigh = compare(Comparison.Op.LE, value, between.high().accept(this));
      if (Boolean.FALSE.equals(aboveLow) || Boolean.FALSE.equals(belowHigh)) {
        return false;
      }
      return aboveLow == null || belowHigh == null ? null : Boolean.TRUE;
    }

    private static Boolean member(Object value, List<Literal> values) {
      if (value == null) {
        return null;
      }
      boolean sawNull = false;
      for (Literal candidate : values) {
        if (candidate.isNull()) {
          sawNull = true;
        } else if (ValueComparator.compare(value, candidate.value()) == 0) {
          return true;
        }
      }
      return sawNull ? null : Boolean.FALSE;
    }

    private static Boolean compare(Comparison.Op op, Object left, Object right) {
      if (left == null || right == null) {
        return null;
      }
      return op.test(ValueComparator.compare(left, right));
    }
  }
}
