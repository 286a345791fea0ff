package dev.metaxy.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected strings are Python 3 {@code repr(float(literal))}. */
class PythonFloatTest {
    @ParameterizedTest(name = "repr({0}) = {1}")
    @CsvSource({
        "1.0, 1.0",
        "2.5, 2.5",
        "100.0, 100.0",
        "0.1, 0.1",
        "0.30000000000000004, 0.30000000000000004",
        "12345.678, 12345.678",
        "0.0001, 0.0001",
        "1e15, 1000000000000000.0",
        "9999999999999998.0, 9999999999999998.0",
        "1e16, 1e+16",
        "1e22, 1e+22",
        "1e23, 1e+23",
        "123456789012345680.0, 1.2345678901234568e+17",
        "1.7976931348623157e308, 1.7976931348623157e+308",
        "1e-5, 1e-05",
        "0.00009999, 9.999e-05",
        "2e-3, 0.002",
        "1.2345678e-06, 1.2345678e-06",
        "2.2250738585072014e-308, 2.2250738585072014e-308",
        "5e-324, 5e-324",
        "-2.5, -2.5",
        "-1e-5, -1e-05",
    })
    void matchesPythonRepr(double value, String expected) {
        assertThat(PythonFloat.repr(value)).isEqualTo(expected);
    }

    @Test
    void oneThirdHasSixteenDigits() {
        assertThat(PythonFloat.repr(1.0 / 3)).isEqualTo("0.3333333333333333");
    }

    /** JDK 17's {@code Double.toString} prints more digits than needed for these. */
    @ParameterizedTest(name = "repr({0}) = {1}")
    @CsvSource({
        "4.9E-324, 5e-324",
        "1.58E-322, 1.6e-322",
        "5.9604644775390625E-8, 5.960464477539063e-08",
    })
    void usesShortestDigitsWhereJdk17DoesNot(double value, String expected) {
        assertThat(PythonFloat.repr(value)).isEqualTo(expected);
    }

    /** At these powers of two the nearest shortest candidate falls below the value and misses; the one above fits. */
    @ParameterizedTest(name = "repr(2^{0}) = {1}")
    @CsvSource({
        "-24, 5.960464477539063e-08",
        "-44, 5.684341886080802e-14",
        "89, 6.189700196426902e+26",
    })
    void picksTheRoundTrippingCandidateAbovePowersOfTwo(int exponent, String expected) {
        assertThat(PythonFloat.repr(Math.scalb(1.0, exponent))).isEqualTo(expected);
    }

    @Test
    void writesSpecialValuesAsPythonJsonDoes() {
        assertThat(PythonFloat.repr(0.0)).isEqualTo("0.0");
        assertThat(PythonFloat.repr(-0.0)).isEqualTo("-0.0");
        assertThat(PythonFloat.repr(Double.NaN)).isEqualTo("NaN");
        assertThat(PythonFloat.repr(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
        assertThat(PythonFloat.repr(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    }
}
