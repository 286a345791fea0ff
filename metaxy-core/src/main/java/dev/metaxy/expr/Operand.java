package dev.metaxy.expr;

/**
 * A value-producing leaf: a {@link Column} or a {@link Literal}. Operands appear inside predicates; a bare
 * operand is itself a predicate only when it is a boolean column or a boolean literal.
 */
public sealed interface Operand extends Expression permits Column, Literal {}
