package dev.metaxy.expr;

/**
 * One method per expression node, called through {@link Expression#accept}. Implementations recurse into
 * children themselves, which lets an evaluator short-circuit and a renderer choose its own parenthesisation.
 *
 * @param <R> the result type
 */
public interface ExpressionVisitor<R> {

  R visitColumn(Column column);

  R visitLiteral(Literal literal);

  R visitComparison(Comparison comparison);

  R visitAnd(And and);

  R visitOr(Or or);

  R visitNot(Not not);

  R visitIsNull(IsNull isNull);

  R visitIsNotNull(IsNotNull isNotNull);

  R visitIn(In in);

  R visitNotIn(NotIn notIn);

  R visitBetween(Between between);
}
