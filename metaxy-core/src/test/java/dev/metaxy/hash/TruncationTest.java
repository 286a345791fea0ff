package dev.metaxy.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TruncationTest {
    private static final String SHA = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

    @Test
    void defaultKeepsEightCharacters() {
        assertThat(Truncation.DEFAULT.length()).isEqualTo(OptionalInt.of(8));
        assertThat(Truncation.DEFAULT.apply(SHA)).isEqualTo("2cf24dba");
        assertThat(Truncation.of(8)).isEqualTo(Truncation.DEFAULT);
    }

    @Test
    void longerLengthsKeepThatManyCharacters() {
        assertThat(Truncation.of(12).apply(SHA)).isEqualTo("2cf24dba5fb0");
        assertThat(Truncation.of(64).apply(SHA)).isEqualTo(SHA);
        assertThat(Truncation.of(10000).apply(SHA)).isEqualTo(SHA);
    }

    @Test
    void hashesNoLongerThanTheLengthAreKept() {
        assertThat(Truncation.DEFAULT.apply("4211111")).isEqualTo("4211111");
        assertThat(Truncation.DEFAULT.apply("42111119")).isEqualTo("42111119");
        assertThat(Truncation.DEFAULT.apply("")).isEmpty();
    }

    @Test
    void noneKeepsWholeHashes() {
        assertThat(Truncation.NONE.length()).isEmpty();
        assertThat(Truncation.NONE.apply(SHA)).isEqualTo(SHA);
        assertThat(Truncation.of(null)).isSameAs(Truncation.NONE);
    }

    @Test
    void nullHashStaysNull() {
        assertThat(Truncation.DEFAULT.apply(null)).isNull();
        assertThat(Truncation.NONE.apply(null)).isNull();
    }

    @Test
    void lengthsBelowTheMinimumAreRejected() {
        assertThatThrownBy(() -> Truncation.of(7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("7")
                .hasMessageContaining("at least 8");
        assertThatThrownBy(() -> Truncation.of(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesConfiguredValues() {
        assertThat(Truncation.parse(null)).isSameAs(Truncation.NONE);
        assertThat(Truncation.parse("None")).isSameAs(Truncation.NONE);
        assertThat(Truncation.parse(" 16 ")).isEqualTo(Truncation.of(16));
        assertThatThrownBy(() -> Truncation.parse("7")).hasMessageContaining("got 7");
        assertThatThrownBy(() -> Truncation.parse("eight"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'eight'");
    }
}
