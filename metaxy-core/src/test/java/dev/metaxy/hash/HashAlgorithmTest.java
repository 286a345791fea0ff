package dev.metaxy.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class HashAlgorithmTest {
    @ParameterizedTest(name = "{0}(\"{1}\")")
    @CsvSource({
        "xxhash64, hello, 2794345569481354659",
        "xxhash64, café, 11115070494344764010",
        "xxhash32, hello, 4211111929",
        "wyhash, hello, 14145495742716996351",
        "md5, hello, 5d41402abc4b2a76b9719d911017c592",
        "md5, café, 07117fe4a1ebd544965dc19573183da2",
        "sha256, hello, 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
    })
    void rendersDigestOfUtf8Bytes(String name, String input, String expected) {
        assertThat(HashAlgorithm.fromName(name).hash(input)).isEqualTo(expected);
    }

    @Test
    void configNamesAreThePythonEnumValues() {
        assertThat(HashAlgorithm.values()).extracting(HashAlgorithm::configName)
                .containsExactly("xxhash64", "xxhash32", "wyhash", "md5", "sha256");
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void fromNameIgnoresCase(HashAlgorithm algorithm) {
        assertThat(HashAlgorithm.fromName(algorithm.configName())).isSameAs(algorithm);
        assertThat(HashAlgorithm.fromName(algorithm.configName().toUpperCase(Locale.ROOT)))
                .isSameAs(algorithm);
    }

    @Test
    void unknownNameIsRejectedWithTheValidNames() {
        assertThatThrownBy(() -> HashAlgorithm.fromName("farmhash"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'farmhash'")
                .hasMessageContaining("xxhash64, xxhash32, wyhash, md5, sha256");
        assertThatThrownBy(() -> HashAlgorithm.fromName(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void nullInputGivesNullNotTheTextNull(HashAlgorithm algorithm) {
        assertThat(algorithm.hash((String) null)).isNull();
        assertThat(algorithm.hash((byte[]) null)).isNull();
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void stringIsHashedAsItsUtf8Bytes(HashAlgorithm algorithm) {
        String text = "caf\u00e9 \uD83D\uDE00 \u007f";
        assertThat(algorithm.hash(text)).isEqualTo(algorithm.hash(TestInputs.utf8(text)));
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void concurrentCallersGetTheSameDigests(HashAlgorithm algorithm) throws Exception {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            expected.add(algorithm.hash("sample-" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    List<String> out = new ArrayList<>();
                    for (int i = 0; i < 200; i++) {
                        out.add(algorithm.hash("sample-" + i));
                    }
                    return out;
                }));
            }
            for (Future<List<String>> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(value = HashAlgorithm.class, names = {"XXHASH64", "XXHASH32", "WYHASH"})
    void digestBitsOfAnySubRangeRenderAsTheHashOfThoseBytes(HashAlgorithm algorithm) {
        assertThat(algorithm.integerDigest()).isTrue();
        byte[] all = new byte[150];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) (i * 31 + 7);
        }
        // Every length 0..70 (covers each block and tail branch) at offsets 0, 3 and 80.
        for (int offset : new int[] {0, 3, 80}) {
            for (int length = 0; length <= 70; length++) {
                byte[] slice = Arrays.copyOfRange(all, offset, offset + length);
                assertThat(Long.toUnsignedString(algorithm.digestBits(all, offset, length)))
                    .as("%s offset %d length %d", algorithm, offset, length).isEqualTo(algorithm.hash(slice));
            }
        }
        assertThatThrownBy(() -> algorithm.digestBits(all, 140, 20)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @ParameterizedTest
    @EnumSource(value = HashAlgorithm.class, names = {"MD5", "SHA256"})
    void hexDigestsHaveNoIntegerBits(HashAlgorithm algorithm) {
        assertThat(algorithm.integerDigest()).isFalse();
        assertThatThrownBy(() -> algorithm.digestBits(new byte[1], 0, 1))
            .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining(algorithm.configName());
    }
}
