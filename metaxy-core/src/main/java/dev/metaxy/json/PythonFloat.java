package dev.metaxy.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code repr(float)}: the shortest decimal that reads back as the same double (the nearest such one when
 * several qualify), laid out in fixed notation for {@code 1e-4 <= |x| < 1e16} and in scientific notation otherwise.
 * {@link Double#toString} cannot be used on JDK 17: its digits are not always the shortest and its layout differs.
 */
public final class PythonFloat {
    private static final int MAX_SIGNIFICANT_DIGITS = 17;

    private PythonFloat() {}

    /** Returns the string Python's {@code repr(value)} gives, for example {@code 1.0}, {@code 1e+16} or {@code NaN}. */
    public static String repr(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0) {
            return (Double.doubleToRawLongBits(value) < 0) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortestRoundTrip(Math.abs(value));
        String digits = shortest.unscaledValue().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        String magnitude = exponent >= -4 && exponent < 16 ? fixed(digits, exponent) : scientific(digits, exponent);
        return value < 0 ? "-" + magnitude : magnitude;
    }

    /**
     * The shortest decimal that rounds back to {@code value}; its unscaled value has no trailing zeros. The digits
     * of {@link Double#toString} always round-trip, so their count is an upper bound from which to search down.
     */
    private static BigDecimal shortestRoundTrip(double value) {
        BigDecimal exact = new BigDecimal(value);
        int precision = new BigDecimal(Double.toString(value)).stripTrailingZeros().precision();
        BigDecimal best = candidate(exact, value, precision);
        while (best == null && precision < MAX_SIGNIFICANT_DIGITS) {
            best = candidate(exact, value, ++precision);
        }
        if (best == null) {
            throw new AssertionError("17 significant digits always round-trip a double: " + value);
        }
        for (BigDecimal shorter; precision > 1 && (shorter = candidate(exact, value, --precision)) != null; ) {
            best = shorter;
        }
        return best.stripTrailingZeros();
    }

    /**
     * The decimal of {@code precision} significant digits nearest to {@code value} that reads back as it, or null.
     * Round-tripping is monotonic in the precision: if one exists at p digits, one exists at p + 1.
     */
    private static BigDecimal candidate(BigDecimal exact, double value, int precision) {
        BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
        if (nearest.doubleValue() == value) {
            return nearest;
        }
        // At an exact power of two the round-trip interval is twice as wide above the value as below it, so
        // when the nearest candidate lies below and misses, the next one above may still read back.
        if (nearest.compareTo(exact) < 0) {
            BigDecimal above = nearest.add(nearest.ulp());
            if (above.doubleValue() == value) {
                return above;
            }
        }
        return null;
    }

    private static String fixed(String digits, int exponent) {
        StringBuilder out = new StringBuilder(digits.length() + 8);
        if (exponent < 0) {
            out.append("0.");
            out.append("0".repeat(-exponent - 1));
            out.append(digits);
        } else if (digits.length() <= exponent + 1) {
            out.append(digits);
            out.append("0".repeat(exponent + 1 - digits.length()));
            out.append(".0");
        } else {
            out.append(digits, 0, exponent + 1).append('.').append(digits, exponent + 1, digits.length());
        }
        return out.toString();
    }

    private static String scientific(String digits, int exponent) {
        StringBuilder out = new StringBuilder(digits.length() + 8);
        out.append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits, 1, digits.length());
        }
        out.append('e').append(exponent < 0 ? '-' : '+');
        int abs = Math.abs(exponent);
        if (abs < 10) {
            out.append('0');
        }
        return out.append(abs).toString();
    }
}
