package dev.metaxy.expr;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A constant: a string, a long, a finite double, a {@link BigDecimal}, a boolean or SQL {@code NULL}
 * (a null {@link #value()}). Use {@link #of(Object)} to normalise other Java number types.
 */
public record Literal(Object value) implements Operand {

  /** The kinds of value a literal can hold. */
  public enum Kind { STRING, LONG, DOUBLE, DECIMAL, BOOLEAN, NULL }

  public static final Literal NULL = new Literal(null);
  public static final Literal TRUE = new Literal(Boolean.TRUE);
  public static final Literal FALSE = new Literal(Boolean.FALSE);

  public Literal {
    if (value instanceof Double d && !Double.isFinite(d)) {
      throw new IllegalArgumentException("filter literals must be finite numbers, got " + d);
    }
    if (value != null
        && !(value instanceof String || value instanceof Long || value instanceof Double
            || value instanceof BigDecimal || value instanceof Boolean)) {
      throw new IllegalArgumentException("unsupported literal type "
          + value.getClass().getName() + "; use Literal.of to normalise numbers");
    }
  }

  /**
   * Creates a literal, widening {@code Integer/Short/Byte} to long, {@code Float} to double and
   * {@code BigInteger} to {@link BigDecimal}.
   */
  public static Literal of(Object value) {
    if (value == null) {
      return NULL;
    }
    if (value instanceof Boolean b) {
      return b ? TRUE : FALSE;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return new Literal(((Number) value).longValue());
    }
    if (value instanceof Float f) {
      return new Literal(Double.valueOf(f.toString()));
    }
    if (value instanceof BigInteger big) {
      return new Literal(new BigDecimal(big));
    }
    if (value instanceof Character c) {
      return new Literal(c.toString());
    }
    return new Literal(value);
  }

  /** The kind of value held. */
  public Kind kind() {
    if (value == null) {
      return Kind.NULL;
    }
    if (value instanceof String) {
      return Kind.STRING;
    }
    if (value instanceof Long) {
      return Kind.LONG;
    }
    if (value instanceof Double) {
      return Kind.DOUBLE;
    }
    if (value instanceof BigDecimal) {
      return Kind.DECIMAL;
    }
    return Kind.BOOLEAN;
  }

  /** Whether this literal is SQL {@code NULL}. */
  public boolean isNull() {
    return value == null;
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visitLiteral(this);
  }

  @Override
  public String toString() {
    return FilterPrinter.print(this);
  }
}
