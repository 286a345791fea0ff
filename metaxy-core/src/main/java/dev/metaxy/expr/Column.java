package dev.metaxy.expr;

import java.util.Objects;

/**
 * A reference to a column by name. Dotted filter identifiers such as {@code a.b} name the single column
 * {@code "a.b"} (the parts are joined with '.'), as in Python Metaxy.
 */
public record Column(String name) implements Operand {

  public Column {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("column name must not be empty");
    }
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visitColumn(this);
  }

  @Override
  public String toString() {
    return FilterPrinter.print(this);
  }
}
