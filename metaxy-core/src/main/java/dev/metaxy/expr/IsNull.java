package dev.metaxy.expr;

import java.util.Objects;

/** True when the operand is SQL {@code NULL}; never unknown. The filter {@code col = NULL} parses to this. */
public record IsNull(Operand operand) implements Expression {

  public IsNull {
    Objects.requireNonNull(operand, "operand");
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visitIsNull(this);
  }

  @Override
  public String toString() {
    return FilterPrinter.print(this);
  }
}
