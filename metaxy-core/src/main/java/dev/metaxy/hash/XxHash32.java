package dev.metaxy.hash;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * XXH32 with seed 0, the 32-bit xxHash that Python's {@code xxhash.xxh32} and DuckDB's {@code xxh32} compute.
 * Stateless and thread-safe.
 */
public final class XxHash32 {
    private static final int P1 = 0x9E3779B1;
    private static final int P2 = 0x85EBCA77;
    private static final int P3 = 0xC2B2AE3D;
    private static final int P4 = 0x27D4EB2F;
    private static final int P5 = 0x165667B1;
    private static final VarHandle INT_LE =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private XxHash32() {}

    /** Returns XXH32 (seed 0) of the whole array as a signed int; render it with {@link Integer#toUnsignedString}. */
    public static int hash(byte[] data) {
        return hash(data, 0, data.length);
    }

    /** XXH32 (seed 0) of {@code data[offset, offset + length)}. */
    public static int hash(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        int end = offset + length;
        int i = offset;
        int h;
        if (length >= 16) {
            int v1 = P1 + P2;
            int v2 = P2;
            int v3 = 0;
            int v4 = -P1;
            for (int limit = end - 16; i <= limit; i += 16) {
                v1 = round(v1, readInt(data, i));
                v2 = round(v2, readInt(data, i + 4));
                v3 = round(v3, readInt(data, i + 8));
                v4 = round(v4, readInt(data, i + 12));
            }
            h = Integer.rotateLeft(v1, 1) + Integer.rotateLeft(v2, 7)
                    + Integer.rotateLeft(v3, 12) + Integer.rotateLeft(v4, 18);
        } else {
            h = P5;
        }
        h += length;
        for (; i + 4 <= end; i += 4) {
            h = Integer.rotateLeft(h + readInt(data, i) * P3, 17) * P4;
        }
        for (; i < end; i++) {
            h = Integer.rotateLeft(h + (data[i] & 0xFF) * P5, 11) * P1;
        }
        h ^= h >>> 15;
        h *= P2;
        h ^= h >>> 13;
        h *= P3;
        h ^= h >>> 16;
        return h;
    }

    private static int round(int acc, int lane) {
        return Integer.rotateLeft(acc + lane * P2, 13) * P1;
    }

    private static int readInt(byte[] data, int offset) {
        return (int) INT_LE.get(data, offset);
    }
}
