package dev.metaxy.expr;

import java.util.Objects;

/** A binary comparison between two operands, e.g. {@code confidence < 0.3} or {@code a = b}. */
public record Comparison(Op op, Operand left, Operand right) implements Expression {

  /** The comparison operators of the filter language. */
  public enum Op {
    EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    /** The SQL spelling of the operator. */
    public String symbol() {
      return symbol;
    }

    /** Whether a three-way comparison result (negative, zero, positive) satisfies this operator. */
    public boolean test(int comparison) {
      switch (this) {
        case EQ: return comparison == 0;
        case NE: return comparison != 0;
        case LT: return comparison < 0;
        case LE: return comparison <= 0;
        case GT: return comparison > 0;
        default: return comparison >= 0;
      }
    }
  }

  public Comparison {
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visitComparison(this);
  }

  @Override
  public String toString() {
    return FilterPrinter.print(this);
  }
}
