package dev.metaxy.expr;

import java.util.List;
import java.util.Objects;

/** Membership in a non-empty list of literals (SQL {@code IN}); unknown when nothing matches and the operand or a listed value is {@code NULL}. */
public record In(Operand operand, List<Literal> values) implements Expression {

  public In {
    Objects.requireNonNull(operand, "operand");
    values = List.copyOf(values);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("an IN list needs at least one value");
    }
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visitIn(this);
  }

  @Override
  public String toString() {
    return FilterPrinter.print(this);
  }
}
