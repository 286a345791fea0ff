package dev.metaxy.expr;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** Collects the column names an expression reads, in order of first appearance. */
final class ReferencedColumns implements ExpressionVisitor<Void> {

  private final Set<String> names = new LinkedHashSet<>();

  static Set<String> of(Expression expression) {
    ReferencedColumns collector = new ReferencedColumns();
    expression.accept(collector);
    return Collections.unmodifiableSet(collector.names);
  }

  @Override
  public Void visitColumn(Column column) {
    names.add(column.name());
    return null;
  }

  @Override
  public Void visitLiteral(Literal literal) {
    return null;
  }

  @Override
  public Void visitComparison(Comparison comparison) {
    comparison.left().accept(this);
    comparison.right().accept(this);
    return null;
  }

  @Override
  public Void visitAnd(And and) {
    and.left().accept(this);
    and.right().accept(this);
    return null;
  }

  @Override
  public Void visitOr(Or or) {
    or.left().accept(this);
    or.right().accept(this);
    return null;
  }

  @Override
  public Void visitNot(Not not) {
    return not.child().accept(this);
  }

  @Override
  public Void visitIsNull(IsNull isNull) {
    return isNull.operand().accept(this);
  }

  @Override
  public Void visitIsNotNull(IsNotNull isNotNull) {
    return isNotNull.operand().accept(this);
  }

  @Override
  public Void visitIn(In in) {
    return in.operand().accept(this);
  }

  @Override
  public Void visitNotIn(NotIn notIn) {
    return notIn.operand().accept(this);
  }

  @Override
  public Void visitBetween(Between between) {
    between.operand().accept(this);
    between.low().accept(this);
    return between.high().accept(this);
  }
}
