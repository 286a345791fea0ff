package dev.metaxy.hash;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WyHashV1Test {
    @Test
    void hashesKnownStrings() {
        assertThat(Long.toUnsignedString(WyHashV1.hash(TestInputs.utf8("hello")))).isEqualTo("14145495742716996351");
        assertThat(Long.toUnsignedString(WyHashV1.hash(TestInputs.utf8("caf\u00e9 \uD83D\uDE00"))))
                .isEqualTo("15218315545069799098");
    }

    /**
     * Expectations from {@code shared/conformance/wyhash_v1.py} over {@link TestInputs}: every tail length 0..8 and
     * the boundaries of the 8-byte tail cases and of the 32-byte blocks.
     */
    @ParameterizedTest(name = "{0} bytes")
    @CsvSource({
        "0, 17969918002310452037, 17969918002310452037",
        "1, 3592636987452369503, 3372928470544715893",
        "2, 10065688948783194990, 7531067540890353437",
        "3, 16418733726611267054, 18201593418792364449",
        "4, 3231396938003705796, 1063933429559159647",
        "5, 3614820905560867667, 4796890725923264675",
        "6, 1308939616434444107, 16464972441484522035",
        "7, 15988503521836017439, 4562913812241070409",
        "8, 5222234033293258147, 11140986910773785006",
        "9, 13306579927393220004, 9505486928567568474",
        "16, 17631053974686122274, 4907961260618401512",
        "17, 5804718205905337169, 14159506651575692913",
        "24, 169803424284162186, 16023265447652156398",
        "25, 4923996802119265377, 1921038545762404707",
        "31, 17160973906509470871, 12790216061237016896",
        "32, 16653418988135462108, 15616544151433093171",
        "33, 3448828910689470122, 6847951324717898626",
        "48, 15172001229598471697, 17492831575750532239",
        "49, 15250226299360485552, 528746219198784958",
        "63, 13690618514707410656, 8478992487597765824",
        "64, 12272027170916952051, 4879063203608398409",
        "65, 8297865339187240987, 5750944397689629769",
        "100, 313898014925985030, 9608490629480136965",
    })
    void matchesPythonPortAtEdgeLengths(int length, String letters, String highBytes) {
        assertThat(Long.toUnsignedString(WyHashV1.hash(TestInputs.letters(length)))).isEqualTo(letters);
        assertThat(Long.toUnsignedString(WyHashV1.hash(TestInputs.highBytes(length)))).isEqualTo(highBytes);
    }
}
