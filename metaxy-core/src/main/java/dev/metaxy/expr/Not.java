package dev.metaxy.expr;

import java.util.Objects;

/** Negation of a predicate (SQL {@code NOT}); the negation of unknown stays unknown. */
public record Not(Expression child) implements Expression {

  public Not {
    Objects.requireNonNull(child, "child");
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visitNot(this);
  }

  @Override
  public String toString() {
    return FilterPrinter.print(this);
  }
}
