package dev.metaxy.spark;

import dev.metaxy.hash.HashAlgorithm;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;

/**
 * Java UDFs giving Spark SQL the hashes Python Metaxy uses: XXH64 and XXH32 with seed 0 and wyhash, over the UTF-8
 * bytes, rendered as unsigned decimal strings. Spark's built-in {@code xxhash64} seeds with 42 and hashes its own
 * binary row format, so it never matches Python and is not used. NULL in gives NULL out. The functions are
 * serialisable lambdas over {@link HashAlgorithm}; executors need metaxy-core on their class path.
 */
public final class SparkHashFunctions {
    /** SQL function name per algorithm. */
    public static final Map<HashAlgorithm, String> FUNCTION_NAMES = Map.of(
        HashAlgorithm.XXHASH64, "metaxy_xxh64",
        HashAlgorithm.XXHASH32, "metaxy_xxh32",
        HashAlgorithm.WYHASH, "metaxy_wyhash");

    private SparkHashFunctions() {
    }

    private static final Map<SparkSession, Boolean> REGISTERED = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** Registers every function in {@code spark}'s function registry (once per session). */
    public static void register(SparkSession spark) {
        if (REGISTERED.put(spark, Boolean.TRUE) != null) {
            return;
        }
        for (Map.Entry<HashAlgorithm, String> e : FUNCTION_NAMES.entrySet()) {
            spark.udf().register(e.getValue(), udf(e.getKey()), DataTypes.StringType);
        }
    }

    private static UDF1<String, String> udf(HashAlgorithm algorithm) {
        return s -> s == null ? null : algorithm.hash(s);
    }
}
