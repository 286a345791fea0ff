package dev.metaxy.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a filter string into tokens, rejecting anything that could smuggle SQL: statement separators,
 * comments, statement and sub-query keywords, unsupported operators and unterminated quotes.
 */
final class FilterLexer {

  static final Set<String> KEYWORDS =
      Set.of("AND", "OR", "NOT", "IS", "NULL", "IN", "BETWEEN", "TRUE", "FALSE");

  static final Set<String> SUBQUERY_KEYWORDS =
      Set.of("SELECT", "FROM", "WHERE", "WITH", "UNION", "INTERSECT", "EXCEPT", "VALUES", "JOIN",
          "LIMIT", "RETURNING", "TABLE");

  static final Set<String> STATEMENT_KEYWORDS =
      Set.of("DROP", "DELETE", "INSERT", "UPDATE", "CREATE", "ALTER", "ATTACH", "DETACH", "COPY",
          "PRAGMA", "TRUNCATE", "MERGE", "GRANT", "REVOKE", "EXEC", "EXECUTE", "CALL", "LOAD",
          "INSTALL", "EXPORT", "IMPORT", "VACUUM", "CHECKPOINT", "BEGIN", "COMMIT", "ROLLBACK",
          "EXPLAIN", "INTO", "REPLACE", "UPSERT", "DECLARE", "PREPARE", "DEALLOCATE");

  static final Set<String> UNSUPPORTED_KEYWORDS =
      Set.of("LIKE", "ILIKE", "GLOB", "SIMILAR", "REGEXP", "RLIKE", "EXISTS", "CASE", "WHEN", "THEN",
          "ELSE", "END", "CAST", "TRY_CAST", "ANY", "ALL", "SOME", "ESCAPE", "COLLATE", "INTERVAL",
          "DISTINCT", "XOR", "OVERLAPS");

  private final String input;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;

  private FilterLexer(String input) {
    this.input = input;
  }

  static List<Token> tokenize(String input) {
    FilterLexer lexer = new FilterLexer(input);
    lexer.run();
    return lexer.tokens;
  }

  private void run() {
    while (pos < input.length()) {
      char c = input.charAt(pos);
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (c == '\'') {
        string();
      } else if (c == '"') {
        quotedIdentifier();
      } else if (isDigit(c) || (c == '.' && nextIsDigit() && !afterName())) {
        number();
      } else if (Character.isLetter(c) || c == '_') {
        word();
      } else {
        symbol(c);
      }
    }
    tokens.add(new Token(Token.Type.END, "", input.length()));
  }

  private void symbol(char c) {
    int start = pos;
    char next = pos + 1 < input.length() ? input.charAt(pos + 1) : '\0';
    switch (c) {
      case '(' -> emit(Token.Type.LEFT_PAREN, "(", 1);
      case ')' -> emit(Token.Type.RIGHT_PAREN, ")", 1);
      case ',' -> emit(Token.Type.COMMA, ",", 1);
      case '.' -> emit(Token.Type.DOT, ".", 1);
      case '=' -> emit(Token.Type.OPERATOR, "=", next == '=' ? 2 : 1);
      case '<' -> {
        if (next == '=') {
          emit(Token.Type.OPERATOR, "<=", 2);
        } else if (next == '>') {
          emit(Token.Type.OPERATOR, "!=", 2);
        } else {
          emit(Token.Type.OPERATOR, "<", 1);
        }
      }
      case '>' -> emit(Token.Type.OPERATOR, next == '=' ? ">=" : ">", next == '=' ? 2 : 1);
      case '!' -> {
        if (next != '=') {
          throw error(start, "unexpected character '!' (did you mean '!='?)");
        }
        emit(Token.Type.OPERATOR, "!=", 2);
      }
      case '-' -> {
        if (next == '-') {
          throw error(start, "SQL comments ('--') are not allowed");
        }
        emit(Token.Type.MINUS, "-", 1);
      }
      case ';' -> throw error(start, "statement separator ';' is not allowed");
      case '/' -> throw error(start, next == '*'
          ? "SQL comments ('/* */') are not allowed"
          : "arithmetic operator '/' is not supported");
      case '+', '*', '%' -> throw error(start, "arithmetic operator '" + c + "' is not supported");
      case '|', '&', '^', '~' -> throw error(start, "operator '" + c + "' is not supported");
      case ':' -> throw error(start, next == ':'
          ? "type casts ('::') are not supported"
          : "parameter placeholders are not supported");
      case '?', '$' -> throw error(start, "parameter placeholders are not supported");
      case '`' -> throw error(start, "backtick-quoted identifiers are not supported; use double quotes");
      case '#' -> throw error(start, "'#' comments are not allowed");
      default -> throw error(start, "unexpected character " + printable(c));
    }
  }

  private void string() {
    int start = pos;
    StringBuilder value = new StringBuilder();
    pos++;
    while (true) {
      if (pos >= input.length()) {
        throw error(start, "unterminated string literal");
      }
      char c = input.charAt(pos++);
      if (c == '\'') {
        if (pos < input.length() && input.charAt(pos) == '\'') {
          value.append('\'');
          pos++;
        } else {
          break;
        }
      } else {
        value.append(c);
      }
    }
    tokens.add(new Token(Token.Type.STRING, value.toString(), start));
  }

  private void quotedIdentifier() {
    int start = pos;
    StringBuilder value = new StringBuilder();
    pos++;
    while (true) {
      if (pos >= input.length()) {
        throw error(start, "unterminated quoted identifier");
      }
      char c = input.charAt(pos++);
      if (c == '"') {
        if (pos < input.length() && input.charAt(pos) == '"') {
          value.append('"');
          pos++;
        } else {
          break;
        }
      } else {
        value.append(c);
      }
    }
    if (value.length() == 0) {
      throw error(start, "empty quoted identifier \"\"");
    }
    tokens.add(new Token(Token.Type.QUOTED_IDENTIFIER, value.toString(), start));
  }

  private void number() {
    int start = pos;
    digits();
    if (pos < input.length() && input.charAt(pos) == '.') {
      pos++;
      digits();
    }
    if (pos < input.length() && (input.charAt(pos) == 'e' || input.charAt(pos) == 'E')) {
      pos++;
      if (pos < input.length() && (input.charAt(pos) == '+' || input.charAt(pos) == '-')) {
        pos++;
      }
      if (!nextIsDigitAt(pos)) {
        throw error(start, "malformed number '" + input.substring(start, pos) + "': exponent needs digits");
      }
      digits();
    }
    if (pos < input.length()) {
      char c = input.charAt(pos);
      if (Character.isLetterOrDigit(c) || c == '_' || c == '.') {
        int end = pos;
        while (end < input.length() && (Character.isLetterOrDigit(input.charAt(end))
            || input.charAt(end) == '_' || input.charAt(end) == '.')) {
          end++;
        }
        throw error(start, "malformed number '" + input.substring(start, end) + "'");
      }
    }
    tokens.add(new Token(Token.Type.NUMBER, input.substring(start, pos), start));
  }

  private void word() {
    int start = pos;
    while (pos < input.length()
        && (Character.isLetterOrDigit(input.charAt(pos)) || input.charAt(pos) == '_')) {
      pos++;
    }
    String text = input.substring(start, pos);
    String upper = text.toUpperCase(Locale.ROOT);
    if (SUBQUERY_KEYWORDS.contains(upper)) {
      throw error(start, "sub-queries are not allowed (found keyword " + upper + ")");
    }
    if (STATEMENT_KEYWORDS.contains(upper)) {
      throw error(start, "SQL statement keyword " + upper + " is not allowed"
          + " (double-quote it to use a column of that name)");
    }
    if (UNSUPPORTED_KEYWORDS.contains(upper)) {
      throw error(start, "unsupported SQL construct " + upper
          + " (only comparisons, AND, OR, NOT, IS [NOT] NULL, [NOT] IN and BETWEEN are allowed)");
    }
    if (KEYWORDS.contains(upper)) {
      tokens.add(new Token(Token.Type.KEYWORD, upper, start));
    } else {
      tokens.add(new Token(Token.Type.IDENTIFIER, text, start));
    }
  }

  private void digits() {
    while (pos < input.length() && isDigit(input.charAt(pos))) {
      pos++;
    }
  }

  private boolean nextIsDigit() {
    return nextIsDigitAt(pos + 1);
  }

  private boolean nextIsDigitAt(int index) {
    return index < input.length() && isDigit(input.charAt(index));
  }

  private boolean afterName() {
    if (tokens.isEmpty()) {
      return false;
    }
    Token.Type last = tokens.get(tokens.size() - 1).type();
    return last == Token.Type.IDENTIFIER || last == Token.Type.QUOTED_IDENTIFIER;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private void emit(Token.Type type, String text, int length) {
    tokens.add(new Token(type, text, pos));
    pos += length;
  }

  private InvalidFilterException error(int position, String problem) {
    return new InvalidFilterException(input, position, problem);
  }

  private static String printable(char c) {
    if (Character.isISOControl(c) || Character.isWhitespace(c)) {
      return String.format("U+%04X", (int) c);
    }
    return "'" + c + "'";
  }
}
