package dev.metaxy.expr;

import java.util.List;
import java.util.Objects;

/** Non-membership in a non-empty list of literals (SQL {@code NOT IN}), the three-valued negation of {@link In}. */
public record NotIn(Operand operand, List<Literal> values) implements Expression {

  public NotIn {
    Objects.requireNonNull(operand, "operand");
    values = List.copyOf(values);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("an IN list needs at least one value");
    }
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visitNotIn(this);
  }

  @Override
  public String toString() {
    return FilterPrinter.print(this);
  }
}
