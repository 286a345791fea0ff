package dev.metaxy.expr;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Prints an expression as a filter string that {@link FilterParser} reads back into an equal tree, using as
 * few parentheses and quotes as that allows. Backs every node's {@code toString()}.
 */
final class FilterPrinter implements ExpressionVisitor<String> {

  private static final FilterPrinter INSTANCE = new FilterPrinter();
  private static final Pattern PLAIN_NAME =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

  static String print(Expression expression) {
    return expression.accept(INSTANCE);
  }

  @Override
  public String visitColumn(Column column) {
    String name = column.name();
    if (PLAIN_NAME.matcher(name).matches() && !hasReservedPart(name)) {
      return name;
    }
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  @Override
  public String visitLiteral(Literal literal) {
    Object value = literal.value();
    if (value == null) {
      return "NULL";
    }
    if (value instanceof String s) {
      return "'" + s.replace("'", "''") + "'";
    }
    if (value instanceof Boolean b) {
      return b ? "TRUE" : "FALSE";
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    return value.toString();
  }

  @Override
  public String visitComparison(Comparison comparison) {
    return comparison.left().accept(this) + " " + comparison.op().symbol() + " "
        + comparison.right().accept(this);
  }

  @Override
  public String visitAnd(And and) {
    return operand(and.left(), 2, false) + " AND " + operand(and.right(), 2, true);
  }

  @Override
  public String visitOr(Or or) {
    return operand(or.left(), 1, false) + " OR " + operand(or.right(), 1, true);
  }

  @Override
  public String visitNot(Not not) {
    String child = not.child().accept(this);
    return not.child() instanceof Operand ? "NOT " + child : "NOT (" + child + ")";
  }

  @Override
  public String visitIsNull(IsNull isNull) {
    return isNull.operand().accept(this) + " IS NULL";
  }

  @Override
  public String visitIsNotNull(IsNotNull isNotNull) {
    return isNotNull.operand().accept(this) + " IS NOT NULL";
  }

  @Override
  public String visitIn(In in) {
    return in.operand().accept(this) + " IN " + list(in.values());
  }

  @Override
  public String visitNotIn(NotIn notIn) {
    return notIn.operand().accept(this) + " NOT IN " + list(notIn.values());
  }

  @Override
  public String visitBetween(Between between) {
    return between.operand().accept(this) + " BETWEEN " + between.low().accept(this) + " AND "
        + between.high().accept(this);
  }

  private String list(List<Literal> values) {
    return values.stream().map(v -> v.accept(this)).collect(Collectors.joining(", ", "(", ")"));
  }

  /** Parenthesises a child of a binary node when its precedence would otherwise regroup the tree. */
  private String operand(Expression child, int parentPrecedence, boolean rightSide) {
    int precedence = child instanceof Or ? 1 : child instanceof And ? 2 : 3;
    boolean parenthesise = precedence < parentPrecedence || (rightSide && precedence == parentPrecedence);
    String text = child.accept(this);
    return parenthesise ? "(" + text + ")" : text;
  }

  private static boolean hasReservedPart(String name) {
    for (String part : name.split("\\.")) {
      String upper = part.toUpperCase(Locale.ROOT);
      if (FilterLexer.KEYWORDS.contains(upper) || FilterLexer.SUBQUERY_KEYWORDS.contains(upper)
          || FilterLexer.STATEMENT_KEYWORDS.contains(upper)
          || FilterLexer.UNSUPPORTED_KEYWORDS.contains(upper)) {
        return true;
      }
    }
    return false;
  }
}
