package dev.metaxy.expr;

import java.util.Objects;

/** The disjunction of two predicates (SQL {@code OR}), with SQL three-valued logic. */
public record Or(Expression left, Expression right) implements Expression {

  public Or {
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visitOr(this);
  }

  @Override
  public String toString() {
    return FilterPrinter.print(this);
  }
}
