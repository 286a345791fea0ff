package dev.metaxy.expr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Recursive-descent parser for SQL WHERE-style filter strings (the subset of versioning spec §6.2 and
 * metadata-store spec §13.3). Precedence from loosest: {@code OR}, {@code AND}, {@code NOT}, then
 * predicates ({@code = != <> == < <= > >=}, {@code IS [NOT] NULL}, {@code [NOT] IN (literals)},
 * {@code [NOT] BETWEEN lo AND hi}). A bare column is accepted as a boolean column, as in Python Metaxy.
 * Everything else fails with an {@link InvalidFilterException} naming the position and the problem.
 */
public final class FilterParser {

  /** Deepest allowed nesting of parentheses and {@code NOT}, so hostile input cannot exhaust the stack. */
  public static final int MAX_DEPTH = 100;

  private final String input;
  private final List<Token> tokens;
  private int index;
  private int depth;

  private FilterParser(String input, List<Token> tokens) {
    this.input = input;
    this.tokens = tokens;
  }

  /** Parses one filter string into an expression. */
  public static Expression parse(String filter) {
    Objects.requireNonNull(filter, "filter");
    if (filter.isBlank()) {
      throw new InvalidFilterException(filter, 0, "filter is empty");
    }
    FilterParser parser = new FilterParser(filter, FilterLexer.tokenize(filter));
    int start = parser.peek().position();
    Expression result = parser.requirePredicate(parser.parseOr(), start);
    Token trailing = parser.peek();
    if (trailing.is(Token.Type.RIGHT_PAREN)) {
      throw parser.error(trailing.position(), "unbalanced parentheses: ')' has no matching '('");
    }
    if (!trailing.is(Token.Type.END)) {
      throw parser.error(trailing.position(),
          "unexpected " + trailing.describe() + " after a complete predicate");
    }
    return result;
  }

  private Expression parseOr() {
    int start = peek().position();
    Expression left = parseAnd();
    while (peek().isKeyword("OR")) {
      next();
      int rightStart = peek().position();
      Expression right = parseAnd();
      left = new Or(requirePredicate(left, start), requirePredicate(right, rightStart));
    }
    return left;
  }

  private Expression parseAnd() {
    int start = peek().position();
    Expression left = parseNot();
    while (peek().isKeyword("AND")) {
      next();
      int rightStart = peek().position();
      Expression right = parseNot();
      left = new And(requirePredicate(left, start), requirePredicate(right, rightStart));
    }
    return left;
  }

  private Expression parseNot() {
    if (!peek().isKeyword("NOT")) {
      return parsePredicate();
    }
    Token not = next();
    enter(not);
    int start = peek().position();
    Expression child = requirePredicate(parseNot(), start);
    depth--;
    return new Not(child);
  }

  private Expression parsePredicate() {
    int start = peek().position();
    Expression left = parsePrimary();
    Token token = peek();
    if (token.is(Token.Type.OPERATOR)) {
      next();
      Operand leftOperand = requireOperand(left, start, token);
      int rightStart = peek().position();
      Operand rightOperand = requireOperand(parsePrimary(), rightStart, token);
      return comparison(operator(token), leftOperand, rightOperand);
    }
    if (token.isKeyword("IS")) {
      next();
      boolean negated = accept("NOT");
      Token nullToken = next();
      if (!nullToken.isKeyword("NULL")) {
        throw error(nullToken.position(), "expected NULL after IS" + (negated ? " NOT" : "")
            + " but found " + nullToken.describe());
      }
      Operand operand = requireOperand(left, start, token);
      return negated ? new IsNotNull(operand) : new IsNull(operand);
    }
    boolean negated = token.isKeyword("NOT")
        && (peekAt(1).isKeyword("IN") || peekAt(1).isKeyword("BETWEEN"));
    if (negated) {
      next();
      token = peek();
    }
    if (token.isKeyword("IN")) {
      next();
      Operand operand = requireOperand(left, start, token);
      List<Literal> values = parseInList(token);
      return negated ? new NotIn(operand, values) : new In(operand, values);
    }
    if (token.isKeyword("BETWEEN")) {
      next();
      Operand operand = requireOperand(left, start, token);
      int lowStart = peek().position();
      Operand low = requireOperand(parsePrimary(), lowStart, token);
      Token and = next();
      if (!and.isKeyword("AND")) {
        throw error(and.position(), "expected AND in BETWEEN ... AND ... but found " + and.describe());
      }
      int highStart = peek().position();
      Operand high = requireOperand(parsePrimary(), highStart, token);
      Between between = new Between(operand, low, high);
      return negated ? new Not(between) : between;
    }
    return left;
  }

  private Expression parsePrimary() {
    Token token = next();
    switch (token.type()) {
      case LEFT_PAREN: {
        enter(token);
        Expression inner = parseOr();
        Token close = next();
        if (close.is(Token.Type.END)) {
          throw error(token.position(),
              "unbalanced parentheses: '(' at position " + token.position() + " is never closed");
        }
        if (!close.is(Token.Type.RIGHT_PAREN)) {
          throw error(close.position(), "expected ')' to close '(' at position " + token.position()
              + " but found " + close.describe());
        }
        depth--;
        return inner;
      }
      case IDENTIFIER:
      case QUOTED_IDENTIFIER:
        return column(token);
      case NUMBER:
        return new Literal(number(token, false));
      case MINUS: {
        Token number = next();
        if (!number.is(Token.Type.NUMBER)) {
          throw error(token.position(), "unary minus applies only to numeric literals, not to "
              + number.describe());
        }
        return new Literal(number(number, true));
      }
      case STRING:
        return new Literal(token.text());
      case KEYWORD:
        if (token.text().equals("TRUE") || token.text().equals("FALSE") || token.text().equals("NULL")) {
          return literalKeyword(token);
        }
        throw error(token.position(), "expected a column, literal or '(' but found keyword " + token.text());
      case END:
        throw error(token.position(), "incomplete filter: expected a column, literal or '(' but found end of input");
      default:
        throw error(token.position(), "expected a column, literal or '(' but found " + token.describe());
    }
  }

  private Column column(Token first) {
    StringBuilder name = new StringBuilder(first.text());
    while (peek().is(Token.Type.DOT)) {
      next();
      Token part = next();
      if (!part.is(Token.Type.IDENTIFIER) && !part.is(Token.Type.QUOTED_IDENTIFIER)) {
        throw error(part.position(), "expected a name after '.' but found " + part.describe());
      }
      name.append('.').append(part.text());
    }
    if (peek().is(Token.Type.LEFT_PAREN)) {
      throw error(first.position(), "function calls are not supported: " + name + "(...)");
    }
    return new Column(name.toString());
  }

  private List<Literal> parseInList(Token in) {
    Token open = next();
    if (!open.is(Token.Type.LEFT_PAREN)) {
      throw error(open.position(), "expected '(' after IN but found " + open.describe());
    }
    List<Literal> values = new ArrayList<>();
    while (true) {
      Token token = next();
      switch (token.type()) {
        case STRING -> values.add(new Literal(token.text()));
        case NUMBER -> values.add(new Literal(number(token, false)));
        case MINUS -> {
          Token number = next();
          if (!number.is(Token.Type.NUMBER)) {
            throw error(token.position(), "unary minus applies only to numeric literals, not to "
                + number.describe());
          }
          values.add(new Literal(number(number, true)));
        }
        case KEYWORD -> {
          if (!token.text().equals("TRUE") && !token.text().equals("FALSE") && !token.text().equals("NULL")) {
            throw error(token.position(), "IN lists may only contain literals, found keyword " + token.text());
          }
          values.add(literalKeyword(token));
        }
        case RIGHT_PAREN -> throw error(token.position(), values.isEmpty()
            ? "IN list must not be empty" : "expected a literal after ',' in IN list");
        case END -> throw error(open.position(),
            "unbalanced parentheses: '(' at position " + open.position() + " is never closed");
        case IDENTIFIER, QUOTED_IDENTIFIER -> throw error(token.position(),
            "IN lists may only contain literals, found column " + token.describe());
        default -> throw error(token.position(),
            "IN lists may only contain literals, found " + token.describe());
      }
      Token separator = next();
      if (separator.is(Token.Type.RIGHT_PAREN)) {
        return values;
      }
      if (separator.is(Token.Type.END)) {
        throw error(open.position(),
            "unbalanced parentheses: '(' at position " + open.position() + " is never closed");
      }
      if (!separator.is(Token.Type.COMMA)) {
        throw error(separator.position(), "expected ',' or ')' in IN list but found " + separator.describe());
      }
    }
  }

  private static Expression comparison(Comparison.Op op, Operand left, Operand right) {
    boolean nullCheck = op == Comparison.Op.EQ || op == Comparison.Op.NE;
    if (nullCheck && right instanceof Literal literal && literal.isNull() && left instanceof Column) {
      return op == Comparison.Op.EQ ? new IsNull(left) : new IsNotNull(left);
    }
    if (nullCheck && left instanceof Literal literal && literal.isNull() && right instanceof Column) {
      return op == Comparison.Op.EQ ? new IsNull(right) : new IsNotNull(right);
    }
    return new Comparison(op, left, right);
  }

  private static Comparison.Op operator(Token token) {
    switch (token.text()) {
      case "=": return Comparison.Op.EQ;
      case "!=": return Comparison.Op.NE;
      case "<": return Comparison.Op.LT;
      case "<=": return Comparison.Op.LE;
      case ">": return Comparison.Op.GT;
      default: return Comparison.Op.GE;
    }
  }

  private Object number(Token token, boolean negative) {
    String text = token.text();
    if (text.indexOf('.') >= 0 || text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
      double value = Double.parseDouble(text);
      if (Double.isInfinite(value)) {
        throw error(token.position(), "number " + text + " is out of range");
      }
      return negative ? -value : value;
    }
    BigDecimal value = new BigDecimal(negative ? "-" + text : text);
    try {
      return value.longValueExact();
    } catch (ArithmeticException tooLarge) {
      return value;
    }
  }

  private static Literal literalKeyword(Token token) {
    switch (token.text()) {
      case "TRUE": return Literal.TRUE;
      case "FALSE": return Literal.FALSE;
      default: return Literal.NULL;
    }
  }

  private Expression requirePredicate(Expression expression, int position) {
    if (expression instanceof Literal literal && !(literal.value() instanceof Boolean)) {
      throw error(position, "literal " + literal + " is not a predicate; compare it with a column");
    }
    return expression;
  }

  private Operand requireOperand(Expression expression, int position, Token operator) {
    if (expression instanceof Operand operand) {
      return operand;
    }
    throw error(position, "operands of " + operator.describe()
        + " must be a column or a literal, not the predicate " + expression);
  }

  private void enter(Token token) {
    if (++depth > MAX_DEPTH) {
      throw error(token.position(), "filter is nested deeper than " + MAX_DEPTH + " levels");
    }
  }

  private boolean accept(String keyword) {
    if (peek().isKeyword(keyword)) {
      next();
      return true;
    }
    return false;
  }

  private Token peek() {
    return tokens.get(index);
  }

  private Token peekAt(int offset) {
    return tokens.get(Math.min(index + offset, tokens.size() - 1));
  }

  private Token next() {
    Token token = tokens.get(index);
    if (index < tokens.size() - 1) {
      index++;
    }
    return token;
  }

  private InvalidFilterException error(int position, String problem) {
    return new InvalidFilterException(input, position, problem);
  }
}
