package dev.metaxy.hash;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class XxHash32Test {
    @Test
    void hashesKnownStrings() {
        assertThat(Integer.toUnsignedString(XxHash32.hash(TestInputs.utf8("hello")))).isEqualTo("4211111929");
        assertThat(Integer.toUnsignedString(XxHash32.hash(new byte[0]))).isEqualTo("46947589");
    }

    /** Expectations from {@code xxhsum -H0} (xxHash 0.8.1) over {@link TestInputs}, around every stripe boundary. */
    @ParameterizedTest(name = "{0} bytes")
    @CsvSource({
        "0, 46947589, 46947589",
        "1, 1426945110, 2856274085",
        "3, 852579327, 2892841603",
        "4, 2741253893, 17714249",
        "5, 2537091483, 1833769197",
        "15, 3105399669, 3719742729",
        "16, 2637007714, 4260813411",
        "17, 3015209953, 270662188",
        "19, 2637189319, 1650767932",
        "20, 2439086416, 380528868",
        "31, 1988072631, 2690261880",
        "32, 2672306048, 2600337652",
        "33, 2919035857, 2636640326",
        "47, 397346290, 713008639",
        "48, 3438288630, 404840399",
        "64, 2644315855, 2682548209",
        "100, 3410952968, 3407673024",
    })
    void matchesReferenceXxh32AtEdgeLengths(int length, String letters, String highBytes) {
        assertThat(Integer.toUnsignedString(XxHash32.hash(TestInputs.letters(length)))).isEqualTo(letters);
        assertThat(Integer.toUnsignedString(XxHash32.hash(TestInputs.highBytes(length)))).isEqualTo(highBytes);
    }
}
