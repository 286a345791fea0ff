package dev.metaxy.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HostileFilterTest {

  static Stream<Arguments> rejectedFilters() {
    return Stream.of(
        reject("statementSeparator", "x = 1; DROP TABLE t", 5, "statement separator ';' is not allowed"),
        reject("loneStatementSeparator", ";", 0, "statement separator ';'"),
        reject("lineComment", "x = 1 -- c", 6, "SQL comments ('--') are not allowed"),
        reject("blockComment", "x = 1 /* c */", 6, "SQL comments ('/* */') are not allowed"),
        reject("hashComment", "x = 1 # c", 6, "'#' comments are not allowed"),
        reject("subQueryInInList", "x IN (SELECT 1)", 6, "sub-queries are not allowed (found keyword SELECT)"),
        reject("subQueryAsOperand", "x = (select max(y) from t)", 5, "sub-queries are not allowed"),
        reject("nestedSubQuery", "x = 1 AND (y = 2 OR z = (SELECT 1))", 25, "sub-queries are not allowed"),
        reject("union", "x = 1 UNION SELECT 1", 6, "sub-queries are not allowed (found keyword UNION)"),
        reject("dropStatement", "DROP TABLE t", 0, "SQL statement keyword DROP is not allowed"),
        reject("deleteAfterOr", "x = 1 OR DELETE FROM t", 9, "SQL statement keyword DELETE is not allowed"),
        reject("attachStatement", "ATTACH 'evil.db'", 0, "SQL statement keyword ATTACH is not allowed"),
        reject("pragmaStatement", "PRAGMA x", 0, "SQL statement keyword PRAGMA is not allowed"),
        reject("copyStatement", "COPY t TO 'f'", 0, "SQL statement keyword COPY is not allowed"),
        reject("functionCall", "lower(x) = 'a'", 0, "function calls are not supported: lower(...)"),
        reject("functionCallOnRight", "x = now()", 4, "function calls are not supported: now(...)"),
        reject("dottedFunctionCall", "pg_catalog.version() = 'x'", 0,
            "function calls are not supported: pg_catalog.version(...)"),
        reject("unterminatedString", "x = 'unterminated", 4, "unterminated string literal"),
        reject("unterminatedQuotedIdentifier", "\"x = 1", 0, "unterminated quoted identifier"),
        reject("unclosedParenthesis", "(x = 1", 0, "unbalanced parentheses: '(' at position 0 is never closed"),
        reject("extraClosingParenthesis", "x = 1)", 5, "unbalanced parentheses: ')' has no matching '('"),
        reject("unclosedInList", "x IN (1, 2", 5, "'(' at position 5 is never closed"),
        reject("emptyInput", "", 0, "filter is empty"),
        reject("blankInput", " \t\n", 0, "filter is empty"),
        reject("bareNumber", "1", 0, "literal 1 is not a predicate"),
        reject("bareString", "'abc'", 0, "literal 'abc' is not a predicate"),
        reject("notOfNumber", "NOT 5", 4, "literal 5 is not a predicate"),
        reject("missingRightOperand", "x = ", 4, "incomplete filter"),
        reject("danglingAnd", "x = 1 AND", 9, "incomplete filter"),
        reject("trailingGarbage", "x = 1 y", 6, "unexpected 'y' after a complete predicate"),
        reject("chainedComparison", "a = b = c", 6, "unexpected '=' after a complete predicate"),
        reject("tripleEquals", "x === 1", 4, "expected a column, literal or '(' but found '='"),
        reject("likeOperator", "x LIKE 'a%'", 2, "unsupported SQL construct LIKE"),
        reject("caseExpression", "CASE WHEN x THEN 1 END = 1", 0, "unsupported SQL construct CASE"),
        reject("arithmetic", "x + 1 = 2", 2, "arithmetic operator '+' is not supported"),
        reject("stringConcatenation", "x = 'a' || 'b'", 8, "operator '|' is not supported"),
        reject("typeCast", "x::int = 1", 1, "type casts ('::') are not supported"),
        reject("parameterPlaceholder", "x = ?", 4, "parameter placeholders are not supported"),
        reject("backtickIdentifier", "`x` = 1", 0, "backtick-quoted identifiers are not supported"),
        reject("controlCharacter", "x = 1\u0000", 5, "unexpected character U+0000"),
        reject("strayCharacter", "x = 1 @ 2", 6, "unexpected character '@'"),
        reject("emptyInList", "x IN ()", 6, "IN list must not be empty"),
        reject("columnInInList", "x IN (1, y)", 9, "IN lists may only contain literals, found column 'y'"),
        reject("malformedNumber", "x = 1.2.3", 4, "malformed number '1.2.3'"),
        reject("hexNumber", "x = 0x1F", 4, "malformed number '0x1F'"),
        reject("exponentWithoutDigits", "x = 1e", 4, "exponent needs digits"),
        reject("numberOutOfRange", "x = 1e999", 4, "number 1e999 is out of range"),
        reject("unaryMinusOnColumn", "x = -y", 4, "unary minus applies only to numeric literals"),
        reject("isWithoutNull", "x IS 1", 5, "expected NULL after IS but found '1'"),
        reject("betweenWithoutAnd", "x BETWEEN 1 OR 5", 12, "expected AND in BETWEEN ... AND ... but found 'OR'"),
        reject("predicateAsOperand", "(a = 1) = TRUE", 0, "must be a column or a literal, not the predicate a = 1"),
        reject("emptyQuotedIdentifier", "\"\" = 1", 0, "empty quoted identifier"),
        reject("deepNesting", "(".repeat(200) + "x" + ")".repeat(200), 100, "nested deeper than 100 levels"));
  }

  private static Arguments reject(String behaviour, String input, int position, String problem) {
    return Arguments.of(behaviour, input, position, problem);
  }

  @ParameterizedTest(name = "{0}IsRejected")
  @MethodSource("rejectedFilters")
  void hostileOrMalformedFilterIsRejectedWithPositionAndReason(
      String behaviour, String input, int position, String problem) {
    assertThatThrownBy(() -> FilterParser.parse(input))
        .isInstanceOf(InvalidFilterException.class)
        .hasMessageStartingWith("Invalid filter \"" + input + "\" at position " + position + ": ")
        .hasMessageContaining(problem)
        .satisfies(e -> {
          InvalidFilterException invalid = (InvalidFilterException) e;
          assertThat(invalid.input()).isEqualTo(input);
          assertThat(invalid.position()).isEqualTo(position);
        });
  }

  @Test
  void hostileStatementSeparatorIsRejected() {
    assertThatThrownBy(() -> Expressions.parse("status = 'ok'; DROP TABLE metadata"))
        .isInstanceOf(InvalidFilterException.class)
        .hasMessageContaining("';'")
        .hasMessageContaining("status = 'ok'; DROP TABLE metadata");
  }

  @Test
  void sqlInsideAStringLiteralStaysAString() {
    Expression parsed = FilterParser.parse("note = 'x''; DROP TABLE t; --'");

    assertThat(parsed).isEqualTo(Expressions.equal("note", "x'; DROP TABLE t; --"));
    assertThat(SqlRenderer.ansi().render(parsed)).isEqualTo("(\"note\" = 'x''; DROP TABLE t; --')");
  }

  @Test
  void statementKeywordIsAcceptedAsQuotedColumnName() {
    Expression parsed = FilterParser.parse("\"drop\" = 1");

    assertThat(parsed).isEqualTo(Expressions.equal("drop", 1));
    assertThat(SqlRenderer.ansi().render(parsed)).isEqualTo("(\"drop\" = 1)");
  }

  @Test
  void quoteInsideQuotedIdentifierCannotEscapeTheName() {
    Expression parsed = FilterParser.parse("\"a\"\" = 1; DROP TABLE t; --\" = 1");

    assertThat(Expressions.referencedColumns(parsed)).containsExactly("a\" = 1; DROP TABLE t; --");
    assertThat(SqlRenderer.ansi().render(parsed))
        .isEqualTo("(\"a\"\" = 1; DROP TABLE t; --\" = 1)");
  }

  @Test
  void nullFilterIsANullPointerError() {
    assertThatThrownBy(() -> FilterParser.parse(null)).isInstanceOf(NullPointerException.class);
  }
}
