package dev.metaxy.expr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.Temporal;
import java.util.Objects;

/**
 * Orders two non-null row or literal values the way SQL does: numbers of any Java type by value, strings by
 * {@link String#compareTo}, booleans with {@code FALSE < TRUE}, and java.time values against each other or
 * against an ISO-8601 string. Any other pairing is a type error.
 */
final class ValueComparator {

  private ValueComparator() {}

  static int compare(Object left, Object right) {
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
    if (left instanceof Number a && right instanceof Number b) {
      return compareNumbers(a, b);
    }
    if (left instanceof String a && right instanceof String b) {
      return a.compareTo(b);
    }
    if (left instanceof Boolean a && right instanceof Boolean b) {
      return a.compareTo(b);
    }
    if (left instanceof Temporal && right instanceof String s) {
      return compareSameClass(left, parseTemporal(s, left));
    }
    if (left instanceof String s && right instanceof Temporal) {
      return compareSameClass(parseTemporal(s, right), right);
    }
    if (left.getClass() == right.getClass() && left instanceof Comparable) {
      return compareSameClass(left, right);
    }
    throw mismatch(left, right);
  }

  static String describe(Object value) {
    String shown = value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    return shown + " (" + value.getClass().getSimpleName() + ")";
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareSameClass(Object left, Object right) {
    return ((Comparable) left).compareTo(right);
  }

  private static int compareNumbers(Number a, Number b) {
    if (isIntegral(a) && isIntegral(b)) {
      if (a instanceof BigInteger || b instanceof BigInteger) {
        return toBigInteger(a).compareTo(toBigInteger(b));
      }
      return Long.compare(a.longValue(), b.longValue());
    }
    if (a instanceof Double || a instanceof Float || b instanceof Double || b instanceof Float) {
      double x = a.doubleValue();
      double y = b.doubleValue();
      if (Double.isNaN(x) || Double.isNaN(y) || Double.isInfinite(x) || Double.isInfinite(y)) {
        return Double.compare(x, y);
      }
    }
    return toBigDecimal(a).compareTo(toBigDecimal(b));
  }

  private static boolean isIntegral(Number n) {
    return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte
        || n instanceof BigInteger;
  }

  private static BigInteger toBigInteger(Number n) {
    return n instanceof BigInteger big ? big : BigInteger.valueOf(n.longValue());
  }

  private static BigDecimal toBigDecimal(Number n) {
    if (n instanceof BigDecimal d) {
      return d;
    }
    if (n instanceof BigInteger big) {
      return new BigDecimal(big);
    }
    if (isIntegral(n)) {
      return BigDecimal.valueOf(n.longValue());
    }
    if (n instanceof Double || n instanceof Float) {
      return BigDecimal.valueOf(n.doubleValue());
    }
    throw new InvalidFilterException("unsupported number type " + n.getClass().getName());
  }

  private static Object parseTemporal(String text, Object like) {
    try {
      if (like instanceof LocalDate) {
        return LocalDate.parse(text);
      }
      if (like instanceof LocalDateTime) {
        return LocalDateTime.parse(text.replace(' ', 'T'));
      }
      if (like instanceof OffsetDateTime) {
        return OffsetDateTime.parse(text.replace(' ', 'T'));
      }
      if (like instanceof ZonedDateTime) {
        return ZonedDateTime.parse(text.replace(' ', 'T'));
      }
      if (like instanceof Instant) {
        return Instant.parse(text.replace(' ', 'T'));
      }
    } catch (DateTimeParseException e) {
      throw new InvalidFilterException("cannot compare " + describe(like) + " with '" + text
          + "': not an ISO-8601 " + like.getClass().getSimpleName());
    }
    throw mismatch(like, text);
  }

  private static InvalidFilterException mismatch(Object left, Object right) {
    return new InvalidFilterException("cannot compare " + describe(left) + " with " + describe(right)
        + ": incompatible types");
  }
}
