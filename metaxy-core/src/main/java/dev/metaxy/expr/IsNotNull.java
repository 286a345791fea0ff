package dev.metaxy.expr;

import java.util.Objects;

/** True when the operand is not SQL {@code NULL}; never unknown. The filter {@code col != NULL} parses to this. */
public record IsNotNull(Operand operand) implements Expression {

  public IsNotNull {
    Objects.requireNonNull(operand, "operand");
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visitIsNotNull(this);
  }

  @Override
  public String toString() {
    return FilterPrinter.print(this);
  }
}
