package dev.metaxy.hash;

import java.nio.charset.StandardCharsets;

/** Deterministic inputs of any length, shared by the hash tests and by the scripts that produced their expectations. */
final class TestInputs {
    private TestInputs() {}

    /** {@code "abc…xyzabc…"} of {@code length} ASCII bytes (Python: {@code ascii_lowercase[i % 26]}). */
    static byte[] letters(int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) ('a' + i % 26);
        }
        return out;
    }

    /** Bytes {@code (i * 37 + 200) & 0xFF}, mostly above 0x7F, to catch sign-extension slips. */
    static byte[] highBytes(int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) (i * 37 + 200);
        }
        return out;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
