package dev.metaxy.expr;

/**
 * An immutable, backend-neutral filter expression: a predicate tree that can be evaluated on rows
 * ({@link RowPredicate}) or rendered to SQL ({@link SqlRenderer}). Build one with {@link Expressions}
 * or parse a filter string with {@link Expressions#parse(String)}.
 *
 * <p>{@code toString()} prints the expression back as a filter string that parses to an equal tree.
 */
public sealed interface Expression
    permits Operand, Comparison, And, Or, Not, IsNull, IsNotNull, In, NotIn, Between {

  /** Dispatches to the visitor method for this node type. */
  <R> R accept(ExpressionVisitor<R> visitor);
}
