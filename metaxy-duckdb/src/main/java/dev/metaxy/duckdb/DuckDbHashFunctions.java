package dev.metaxy.duckdb;

import dev.metaxy.hash.HashAlgorithm;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBDataChunkReader;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBReadableVector;
import org.duckdb.DuckDBScalarFunction;
import org.duckdb.DuckDBWritableVector;

/**
 * Vectorised Java scalar UDFs giving DuckDB the hashes it lacks offline (Python Metaxy loads the {@code hashfuncs}
 * community extension instead). Each takes VARCHAR, hashes its UTF-8 bytes with {@link HashAlgorithm} and returns the
 * digest as an unsigned integer ({@code UBIGINT}; {@code UINTEGER} for xxhash32), which DuckDB renders natively:
 * {@link DuckDbDialect#hash} wraps the call in {@code CAST(... AS VARCHAR)}, giving exactly {@link HashAlgorithm#hash}.
 * NULL in gives NULL out. A chunk is read as raw UTF-8 from DuckDB's vector memory and written as one fixed-width
 * buffer ({@link VectorMemory}), or through the driver's per-row API where that memory is not reachable.
 */
public final class DuckDbHashFunctions {
    /** SQL function name per algorithm. */
    public static final Map<HashAlgorithm, String> FUNCTION_NAMES = Map.of(
        HashAlgorithm.XXHASH64, "metaxy_xxh64",
        HashAlgorithm.XXHASH32, "metaxy_xxh32",
        HashAlgorithm.WYHASH, "metaxy_wyhash");

    private static final Object REGISTRATION_LOCK = new Object();

    private DuckDbHashFunctions() {
    }

    /** Registers every function on {@code connection} (a DuckDB connection); call once per connection. */
    public static void register(Connection connection) throws SQLException {
        register(connection, VectorMemory.AVAILABLE);
    }

    /** Registers every function, reading vector memory directly or (tests of the fallback) through the per-row API. */
    static void register(Connection connection, boolean direct) throws SQLException {
        // Registering writes DuckDB's catalog: two connections to one database registering at once conflict
        // ("Failed to register scalar function"), so registrations in this JVM take turns.
        synchronized (REGISTRATION_LOCK) {
            registerAll(connection, direct);
        }
    }

    private static void registerAll(Connection connection, boolean direct) throws SQLException {
        for (Map.Entry<HashAlgorithm, String> e : FUNCTION_NAMES.entrySet()) {
            HashAlgorithm algorithm = e.getKey();
            DuckDBColumnType type = returnType(algorithm);
            DuckDBFunctions.scalarFunction()
                .withName(e.getValue())
                .withParameter(DuckDBColumnType.VARCHAR)
                .withReturnType(type)
                .withVectorizedFunction(direct ? new DirectHash(algorithm, type) : new PerRowHash(algorithm, type))
                .register(connection);
        }
    }

    /** The SQL type a function returns: UBIGINT, or UINTEGER for xxhash32. */
    static DuckDBColumnType returnType(HashAlgorithm algorithm) {
        return algorithm == HashAlgorithm.XXHASH32 ? DuckDBColumnType.UINTEGER : DuckDBColumnType.UBIGINT;
    }

    /** Reads raw UTF-8 from the input vector's memory, writes the digests into the output buffer. */
    private record DirectHash(HashAlgorithm algorithm, DuckDBColumnType type) implements DuckDBScalarFunction {
        @Override
        public void apply(DuckDBDataChunkReader input, DuckDBWritableVector out) {
            int rows = Math.toIntExact(input.rowCount());
            DuckDBReadableVector in = input.vector(0);
            ByteBuffer data = VectorMemory.data(in);
            ByteBuffer validity = VectorMemory.validity(in);
            ByteBuffer target = VectorMemory.data(out);
            ByteBuffer targetValidity = VectorMemory.validity(out);
            VectorMemory.setAllValid(targetValidity, rows);
            boolean wide = type == DuckDBColumnType.UBIGINT;
            byte[] scratch = new byte[256];
            for (int row = 0; row < rows; row++) {
                if (!VectorMemory.isValid(validity, row)) {
                    VectorMemory.setInvalid(targetValidity, row);
                    continue;
                }
                int length = VectorMemory.stringLength(data, row);
                if (length > scratch.length) {
                    scratch = new byte[Math.max(length, scratch.length * 2)];
                }
                VectorMemory.copyString(data, row, length, scratch);
                long digest = algorithm.digestBits(scratch, 0, length);
                if (wide) {
                    target.putLong(row << 3, digest);
                } else {
                    target.putInt(row << 2, (int) digest);
                }
            }
        }
    }

    /** The same through the driver's public per-row API (a Java String per value). */
    private record PerRowHash(HashAlgorithm algorithm, DuckDBColumnType type) implements DuckDBScalarFunction {
        @Override
        public void apply(DuckDBDataChunkReader input, DuckDBWritableVector out) {
            DuckDBReadableVector in = input.vector(0);
            for (long row = 0; row < input.rowCount(); row++) {
                String s = in.getString(row);
                if (s == null) {
                    out.setNull(row);
                    continue;
                }
                byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                long digest = algorithm.digestBits(bytes, 0, bytes.length);
                if (type == DuckDBColumnType.UBIGINT) {
                    out.setUint64(row, new BigInteger(Long.toUnsignedString(digest)));
                } else {
                    out.setUint32(row, digest);
                }
            }
        }
    }
}
