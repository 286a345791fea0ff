package dev.metaxy.expr;

import java.util.Objects;

/** Inclusive range test {@code operand BETWEEN low AND high}, i.e. {@code low <= operand AND operand <= high}. */
public record Between(Operand operand, Operand low, Operand high) implements Expression {

  public Between {
    Objects.requireNonNull(operand, "operand");
    Objects.requireNonNull(low, "low");
    Objects.requireNonNull(high, "high");
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visitBetween(this);
  }

  @Override
  public String toString() {
    return FilterPrinter.print(this);
  }
}
