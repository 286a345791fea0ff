package dev.metaxy.spark;

import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.sql.VersioningDialect;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spark SQL's versioning dialect: {@code `name`} identifiers, backslash-escaped string literals, md5 and sha256
 * from Spark's built-ins (over the UTF-8 bytes), xxhash64, xxhash32 and wyhash from the Java UDFs of
 * {@link SparkHashFunctions} (seed 0: Spark's own {@code xxhash64} uses seed 42 and is never used). By-field columns
 * are {@code STRUCT<...: STRING>} or, in map mode, {@code MAP<STRING, STRING>}.
 */
public final class SparkDialect implements VersioningDialect {
    /** By-field columns as STRUCT (the default). */
    public static final SparkDialect STRUCT = new SparkDialect(false);
    /** By-field columns as MAP<STRING, STRING>. */
    public static final SparkDialect MAP = new SparkDialect(true);

    private static final Set<HashAlgorithm> SUPPORTED = EnumSet.allOf(HashAlgorithm.class);

    private final boolean mapMode;

    private SparkDialect(boolean mapMode) {
        this.mapMode = mapMode;
    }

    /** The dialect for {@code enable_map_datatype}. */
    public static SparkDialect of(boolean mapDatatype) {
        return mapDatatype ? MAP : STRUCT;
    }

    public boolean mapMode() {
        return mapMode;
    }

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public String quoteIdentifier(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /** Spark reads backslashes in string literals as escapes, so both quote and backslash are escaped. */
    @Override
    public String stringLiteral(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Override
    public String longLiteral(long value) {
        return value + "L";
    }

    /** A DECIMAL literal (Spark types {@code 0.3} as DECIMAL(1,1)); comparisons with DOUBLE columns coerce it. */
    @Override
    public String doubleLiteral(double value) {
        return "CAST(" + VersioningDialect.super.doubleLiteral(value) + " AS DOUBLE)";
    }

    @Override
    public String decimalLiteral(java.math.BigDecimal value) {
        return value.toPlainString() + "BD";
    }

    @Override
    public Set<HashAlgorithm> supportedHashAlgorithms() {
        return SUPPORTED;
    }

    @Override
    public String hash(HashAlgorithm algorithm, String sqlExpr) {
        requireSupported(algorithm);
        String text = "CAST(" + sqlExpr + " AS STRING)";
        return switch (algorithm) {
            case MD5 -> "lower(md5(CAST(" + text + " AS BINARY)))";
            case SHA256 -> "lower(sha2(CAST(" + text + " AS BINARY), 256))";
            case XXHASH64, XXHASH32, WYHASH -> SparkHashFunctions.FUNCTION_NAMES.get(algorithm) + "(" + text + ")";
        };
    }

    @Override
    public String byFieldValue(String columnExpr, String structKey) {
        return byFieldValue(columnExpr, structKey, mapMode);
    }

    @Override
    public String byFieldValue(String columnExpr, String structKey, boolean isMap) {
        return isMap
            ? "try_element_at(" + columnExpr + ", " + stringLiteral(structKey) + ")"
            : "(" + columnExpr + ")." + quoteIdentifier(structKey);
    }

    @Override
    public String buildByField(LinkedHashMap<String, String> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("A by-field value needs at least one field");
        }
        List<String> entries = new ArrayList<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            entries.add(stringLiteral(e.getKey()));
            entries.add("CAST(" + e.getValue() + " AS STRING)");
        }
        return (mapMode ? "map(" : "named_struct(") + String.join(", ", entries) + ")";
    }

    /**
     * Spark has no ordered string aggregation over a window: the (order keys, value) pairs of the whole partition are
     * collected, sorted (struct order: field by field, NULLs first), the NULL values dropped and the rest joined.
     */
    @Override
    public String stringAggOverWindow(String sqlExpr, String separator, List<String> partitionBy, List<String> orderBy) {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < orderBy.size(); i++) {
            fields.add("'k" + i + "', " + orderBy.get(i));
        }
        fields.add("'v', CAST(" + sqlExpr + " AS STRING)");
        String window = " OVER (" + (partitionBy.isEmpty() ? "" : "PARTITION BY " + String.join(", ", partitionBy))
            + " ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)";
        String collected = "collect_list(named_struct(" + String.join(", ", fields) + "))" + window;
        String values = "filter(transform(array_sort(" + collected + "), x -> x.v), x -> x IS NOT NULL)";
        return "(CASE WHEN size(" + values + ") = 0 THEN NULL ELSE array_join(" + values + ", "
            + stringLiteral(separator) + ") END)";
    }

    @Override
    public String anyValue(String sqlExpr) {
        return "any_value(" + sqlExpr + ", true)";
    }

    @Override
    public String toString() {
        return "SparkDialect[" + (mapMode ? "MAP" : "STRUCT") + "]";
    }
}
