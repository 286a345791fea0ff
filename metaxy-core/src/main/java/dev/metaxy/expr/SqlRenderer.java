package dev.metaxy.expr;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Renders an expression as a SQL boolean expression for a {@link SqlDialect}. Every predicate is wrapped in
 * parentheses so the result can be embedded anywhere without precedence changing its meaning, and every
 * name and value goes through the dialect's quoting: no text from a filter string reaches SQL unquoted.
 *
 * <p>A column mapper turns a column name into the SQL that reads it (by default the quoted name), so a SQL
 * engine can qualify columns with a table alias or map renamed columns back to source expressions. The
 * mapper's output is trusted SQL and must do its own quoting.
 */
public final class SqlRenderer {

  private final SqlDialect dialect;
  private final Function<String, String> columnMapper;

  /** A renderer writing each column as its quoted name. */
  public SqlRenderer(SqlDialect dialect) {
    this(dialect, dialect::quoteIdentifier);
  }

  /** A renderer writing each column as {@code columnMapper.apply(name)}. */
  public SqlRenderer(SqlDialect dialect, Function<String, String> columnMapper) {
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.columnMapper = Objects.requireNonNull(columnMapper, "columnMapper");
  }

  /** A renderer for {@link SqlDialect#ANSI}. */
  public static SqlRenderer ansi() {
    return new SqlRenderer(SqlDialect.ANSI);
  }

  /** A copy that qualifies every column with a table alias: {@code "alias"."column"}. */
  public SqlRenderer withTableAlias(String alias) {
    String qualifier = dialect.quoteIdentifier(alias) + ".";
    return new SqlRenderer(dialect, name -> qualifier + dialect.quoteIdentifier(name));
  }

  /** A copy that writes columns through {@code columnMapper}. */
  public SqlRenderer withColumnMapper(Function<String, String> columnMapper) {
    return new SqlRenderer(dialect, columnMapper);
  }

  /** The SQL text of the expression. */
  public String render(Expression expression) {
    return expression.accept(new Rendering());
  }

  private final class Rendering implements ExpressionVisitor<String> {

    @Override
    public String visitColumn(Column column) {
      return columnMapper.apply(column.name());
    }

    @Override
    public String visitLiteral(Literal literal) {
      Object value = literal.value();
      if (value == null) {
        return dialect.nullLiteral();
      }
      if (value instanceof String s) {
        return dialect.stringLiteral(s);
      }
      if (value instanceof Boolean b) {
        return dialect.booleanLiteral(b);
      }
      if (value instanceof Long l) {
        return dialect.longLiteral(l);
      }
      if (value instanceof Double d) {
        return dialect.doubleLiteral(d);
      }
      return dialect.decimalLiteral((BigDecimal) value);
    }

    @Override
    public String visitComparison(Comparison comparison) {
      return "(" + comparison.left().accept(this) + " " + comparison.op().symbol() + " "
          + comparison.right().accept(this) + ")";
    }

    @Override
    public String visitAnd(And and) {
      return "(" + and.left().accept(this) + " AND " + and.right().accept(this) + ")";
    }

    @Override
    public String visitOr(Or or) {
      return "(" + or.left().accept(this) + " OR " + or.right().accept(this) + ")";
    }

    @Override
    public String visitNot(Not not) {
      return "(NOT " + not.child().accept(this) + ")";
    }

    @Override
    public String visitIsNull(IsNull isNull) {
      return "(" + isNull.operand().accept(this) + " IS NULL)";
    }

    @Override
    public String visitIsNotNull(IsNotNull isNotNull) {
      return "(" + isNotNull.operand().accept(this) + " IS NOT NULL)";
    }

    @Override
    public String visitIn(In in) {
      return "(" + in.operand().accept(this) + " IN " + list(in.values()) + ")";
    }

    @Override
    public String visitNotIn(NotIn notIn) {
      return "(" + notIn.operand().accept(this) + " NOT IN " + list(notIn.values()) + ")";
    }

    @Override
    public String visitBetween(Between between) {
      return "(" + between.operand().accept(this) + " BETWEEN " + between.low().accept(this) + " AND "
          + between.high().accept(this) + ")";
    }

    private String list(List<Literal> values) {
      return values.stream().map(v -> v.accept(this)).collect(Collectors.joining(", ", "(", ")"));
    }
  }
}
