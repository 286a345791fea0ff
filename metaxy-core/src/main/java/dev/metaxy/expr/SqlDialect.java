package dev.metaxy.expr;

import java.math.BigDecimal;

/**
 * How a SQL backend spells identifiers and literals. The defaults are ANSI SQL as understood by DuckDB and
 * PostgreSQL: {@code "name"} with {@code ""} doubling, {@code 'text'} with {@code ''} doubling (backslashes
 * are not escapes), {@code TRUE}/{@code FALSE}. Backends with other rules override single methods.
 */
public interface SqlDialect {

  /** ANSI quoting, suitable for DuckDB and PostgreSQL. */
  SqlDialect ANSI = new SqlDialect() {};

  /** Quotes an identifier so any name, including keywords and quotes, is read as a name. */
  default String quoteIdentifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** Quotes a string literal so its content can never end the literal. */
  default String stringLiteral(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  default String booleanLiteral(boolean value) {
    return value ? "TRUE" : "FALSE";
  }

  default String longLiteral(long value) {
    return Long.toString(value);
  }

  /**
   * A finite double as a plain decimal with a '.', e.g. {@code 0.3} or {@code 100000000000000000000.0}: exact
   * for the double's shortest representation and never an exponent. DuckDB types such a literal as DECIMAL
   * (or DOUBLE beyond 38 digits) and PostgreSQL as NUMERIC; both coerce it when compared with a DOUBLE column.
   */
  default String doubleLiteral(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("cannot render non-finite double " + value);
    }
    BigDecimal exact = BigDecimal.valueOf(value).stripTrailingZeros();
    String plain = exact.toPlainString();
    return exact.scale() > 0 ? plain : plain + ".0";
  }

  default String decimalLiteral(BigDecimal value) {
    return value.toPlainString();
  }

  default String nullLiteral() {
    return "NULL";
  }
}
