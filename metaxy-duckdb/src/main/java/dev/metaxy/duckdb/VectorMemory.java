package dev.metaxy.duckdb;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import org.duckdb.DuckDBReadableVector;
import org.duckdb.DuckDBWritableVector;

/**
 * Direct access to the native buffers behind the DuckDB JDBC driver's UDF vectors, so a vectorised UDF reads VARCHAR
 * values as raw UTF-8 and writes fixed-width results without a JNI call or a Java object per row. The driver keeps
 * those buffers in private fields and long strings behind native pointers, so this relies on the driver's layout
 * (checked once by {@link #AVAILABLE}); callers fall back to the driver's public per-row API when it is false.
 *
 * <p>Layout (DuckDB's C API): a VARCHAR value is a 16-byte {@code duckdb_string_t}: a 4-byte length, then either up to
 * 12 inlined bytes or a 4-byte prefix and an 8-byte pointer. Validity is a bitmask of 64-bit words (bit set = valid);
 * a null validity buffer means every row is valid.
 */
final class VectorMemory {
    /** Whether direct access works with the driver on the class path. */
    static final boolean AVAILABLE;

    private static final int STRING_T_BYTES = 16;
    private static final int INLINE_LIMIT = 12;
    private static final MethodHandle READ_DATA;
    private static final MethodHandle READ_VALIDITY;
    private static final MethodHandle WRITE_DATA;
    private static final MethodHandle WRITE_VALIDITY;
    /** {@code Unsafe.copyMemory(Object, long, Object, long, long)} bound to the Unsafe instance. */
    private static final MethodHandle COPY_MEMORY;
    private static final long BYTE_ARRAY_BASE;

    static {
        MethodHandle rd = null;
        MethodHandle rv = null;
        MethodHandle wd = null;
        MethodHandle wv = null;
        MethodHandle copy = null;
        long base = 0;
        boolean ok;
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            rd = lookup.unreflectGetter(field(DuckDBReadableVector.class, "data"));
            rv = lookup.unreflectGetter(field(DuckDBReadableVector.class, "validity"));
            wd = lookup.unreflectGetter(field(DuckDBWritableVector.class, "data"));
            wv = lookup.unreflectGetter(field(DuckDBWritableVector.class, "validity"));
            Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
            Object unsafe = field(unsafeClass, "theUnsafe").get(null);
            copy = lookup.findVirtual(unsafeClass, "copyMemory",
                MethodType.methodType(void.class, Object.class, long.class, Object.class, long.class, long.class)).bindTo(unsafe);
            base = ((Number) lookup.findVirtual(unsafeClass, "arrayBaseOffset", MethodType.methodType(int.class, Class.class))
                .bindTo(unsafe).invoke(byte[].class)).longValue();
            ok = true;
        } catch (Throwable e) {
            ok = false;
        }
        READ_DATA = rd;
        READ_VALIDITY = rv;
        WRITE_DATA = wd;
        WRITE_VALIDITY = wv;
        COPY_MEMORY = copy;
        BYTE_ARRAY_BASE = base;
        AVAILABLE = ok;
    }

    private VectorMemory() {
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field f = type.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    /** The data buffer of an input vector (native byte order). */
    static ByteBuffer data(DuckDBReadableVector v) {
        try {
            return (ByteBuffer) READ_DATA.invokeExact(v);
        } catch (Throwable e) {
            throw new IllegalStateException("Cannot read the DuckDB vector's data buffer", e);
        }
    }

    /** The validity buffer of an input vector, or null when every row is valid. */
    static ByteBuffer validity(DuckDBReadableVector v) {
        try {
            return (ByteBuffer) READ_VALIDITY.invokeExact(v);
        } catch (Throwable e) {
            throw new IllegalStateException("Cannot read the DuckDB vector's validity buffer", e);
        }
    }

    /** The data buffer of the output vector (native byte order, zeroed). */
    static ByteBuffer data(DuckDBWritableVector v) {
        try {
            return (ByteBuffer) WRITE_DATA.invokeExact(v);
        } catch (Throwable e) {
            throw new IllegalStateException("Cannot read the DuckDB vector's data buffer", e);
        }
    }

    /** The validity buffer of the output vector (every row starts invalid). */
    static ByteBuffer validity(DuckDBWritableVector v) {
        try {
            return (ByteBuffer) WRITE_VALIDITY.invokeExact(v);
        } catch (Throwable e) {
            throw new IllegalStateException("Cannot read the DuckDB vector's validity buffer", e);
        }
    }

    /** Whether row {@code row} is valid in a validity buffer (null buffer: all valid). */
    static boolean isValid(ByteBuffer validity, int row) {
        return validity == null || (validity.getLong((row >>> 6) << 3) & (1L << (row & 63))) != 0;
    }

    /** The byte length of the VARCHAR value at {@code row}. */
    static int stringLength(ByteBuffer data, int row) {
        return data.getInt(row * STRING_T_BYTES);
    }

    /**
     * Copies the UTF-8 bytes of the VARCHAR value at {@code row} into {@code target} from index 0 ({@code target} must
     * hold {@link #stringLength} bytes).
     */
    static void copyString(ByteBuffer data, int row, int length, byte[] target) {
        int at = row * STRING_T_BYTES;
        if (length <= INLINE_LIMIT) {
            data.get(at + 4, target, 0, length);
            return;
        }
        long address = data.getLong(at + 8);
        try {
            COPY_MEMORY.invokeExact((Object) null, address, (Object) target, BYTE_ARRAY_BASE, (long) length);
        } catch (Throwable e) {
            throw new IllegalStateException("Cannot copy a DuckDB string", e);
        }
    }

    /** Marks rows {@code [0, rows)} of an output validity buffer valid. */
    static void setAllValid(ByteBuffer validity, int rows) {
        int words = (rows + 63) >>> 6;
        for (int w = 0; w < words; w++) {
            validity.putLong(w << 3, -1L);
        }
    }

    /** Marks one row of an output validity buffer invalid (NULL). */
    static void setInvalid(ByteBuffer validity, int row) {
        int at = (row >>> 6) << 3;
        validity.putLong(at, validity.getLong(at) & ~(1L << (row & 63)));
    }
}
