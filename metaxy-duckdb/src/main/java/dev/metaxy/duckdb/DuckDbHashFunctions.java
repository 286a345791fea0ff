package dev.metaxy.duckdb;

import dev.metaxy.hash.HashAlgorithm;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.duckdb.DuckDBFunctions;

/**
 * Java scalar UDFs giving DuckDB the hashes it lacks offline (Python Metaxy loads the {@code hashfuncs} community
 * extension instead). Each takes VARCHAR, hashes its UTF-8 bytes with {@link HashAlgorithm} and returns the rendered
 * VARCHAR (unsigned decimal), so no signed/unsigned conversion happens in SQL. NULL in gives NULL out.
 */
public final class DuckDbHashFunctions {
    /** SQL function name per algorithm. */
    public static final Map<HashAlgorithm, String> FUNCTION_NAMES = Map.of(
        HashAlgorithm.XXHASH64, "metaxy_xxh64",
        HashAlgorithm.XXHASH32, "metaxy_xxh32",
        HashAlgorithm.WYHASH, "metaxy_wyhash");

    private DuckDbHashFunctions() {
    }

    /** Registers every function on {@code connection} (a DuckDB connection); call once per connection. */
    public static void register(Connection connection) throws SQLException {
        for (Map.Entry<HashAlgorithm, String> e : FUNCTION_NAMES.entrySet()) {
            HashAlgorithm algorithm = e.getKey();
            DuckDBFunctions.scalarFunction()
                .withName(e.getValue())
                .withParameter(String.class)
                .withReturnType(String.class)
                .withFunction((String s) -> s == null ? null : algorithm.hash(s))
                .register(connection);
        }
    }
}
