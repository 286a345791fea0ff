package dev.metaxy.hash;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * wyhash version 1 with seed 0, as computed by the Rust crate {@code wyhash} 0.5.0 ({@code wyhash::wyhash(bytes, 0)})
 * that polars-hash, and therefore Python Metaxy, uses. Stateless and thread-safe.
 */
public final class WyHashV1 {
    private static final long P0 = 0xa0761d6478bd642fL;
    private static final long P1 = 0xe7037ed1a0b428dbL;
    private static final long P2 = 0x8ebc6af09c88c6e3L;
    private static final long P3 = 0x589965cc75374cc3L;
    private static final long P4 = 0x1d8e4e27c47d124fL;
    private static final long P5 = 0xeb44accab455d165L;
    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_LE =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private WyHashV1() {}

    /** Returns wyhash v1 (seed 0) of the whole array as a signed long; render it with {@link Long#toUnsignedString}. */
    public static long hash(byte[] data) {
        return hash(data, 0, data.length);
    }

    /** wyhash v1 (seed 0) of {@code data[offset, offset + length)}. */
    public static long hash(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        int n = length;
        long seed = 0;
        int blocksEnd = offset + (n & ~31);
        for (int i = offset; i < blocksEnd; i += 32) {
            seed = mum(seed ^ P0,
                    mum(r64(data, i) ^ P1, r64(data, i + 8) ^ P2)
                            ^ mum(r64(data, i + 16) ^ P3, r64(data, i + 24) ^ P4));
        }
        seed ^= P0;
        int rest = n & 31;
        if (rest != 0) {
            int s = blocksEnd;
            switch ((rest - 1) >>> 3) {
                case 0:
                    seed = mum(seed, tail(data, s, rest) ^ P1);
                    break;
                case 1:
                    seed = mum(r64Swapped(data, s) ^ seed, tail(data, s + 8, rest - 8) ^ P2);
                    break;
                case 2:
                    seed = mum(r64Swapped(data, s) ^ seed, r64Swapped(data, s + 8) ^ P2)
                            ^ mum(seed, tail(data, s + 16, rest - 16) ^ P3);
                    break;
                default:
                    seed = mum(r64Swapped(data, s) ^ seed, r64Swapped(data, s + 8) ^ P2)
                            ^ mum(r64Swapped(data, s + 16) ^ seed, tail(data, s + 24, rest - 24) ^ P4);
                    break;
            }
        }
        return mum(seed, (long) n ^ P5);
    }

    /** The 128-bit unsigned product of {@code a} and {@code b}, folded as {@code high ^ low}. */
    private static long mum(long a, long b) {
        long high = Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
        return high ^ (a * b);
    }

    private static long r64(byte[] d, int off) {
        return (long) LONG_LE.get(d, off);
    }

    private static long r32(byte[] d, int off) {
        return Integer.toUnsignedLong((int) INT_LE.get(d, off));
    }

    /** wyhash v1's "read 64 swapped": two little-endian 32-bit halves, the first one high. */
    private static long r64Swapped(byte[] d, int off) {
        return (r32(d, off) << 32) | r32(d, off + 4);
    }

    private static long b(byte[] d, int off) {
        return d[off] & 0xFFL;
    }

    /** Reads the final 1 to 8 bytes in wyhash v1's peculiar byte order. */
    private static long tail(byte[] d, int off, int len) {
        switch (len) {
            case 1: return b(d, off);
            case 2: return b(d, off + 1) << 8 | b(d, off);
            case 3: return b(d, off + 1) << 16 | b(d, off) << 8 | b(d, off + 2);
            case 4: return r32(d, off);
            case 5: return r32(d, off) << 8 | b(d, off + 4);
            case 6: return r32(d, off) << 16 | b(d, off + 5) << 8 | b(d, off + 4);
            case 7: return r32(d, off) << 24 | b(d, off + 5) << 16 | b(d, off + 4) << 8 | b(d, off + 6);
            case 8: return r64Swapped(d, off);
            default: throw new IllegalArgumentException("tail length must be 1..8, got " + len);
        }
    }
}
