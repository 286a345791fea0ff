package dev.metaxy.expr;

import java.util.Objects;

/** The conjunction of two predicates (SQL {@code AND}), with SQL three-valued logic. */
public record And(Expression left, Expression right) implements Expression {

  public And {
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visitAnd(this);
  }

  @Override
  public String toString() {
    return FilterPrinter.print(this);
  }
}
