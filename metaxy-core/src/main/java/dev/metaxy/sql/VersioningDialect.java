package dev.metaxy.sql;

import dev.metaxy.expr.SqlDialect;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.hash.Truncation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The backend-specific SQL the {@link SqlVersioningEngine} needs beyond quoting and literals: rendered hashes,
 * by-field column access and construction (STRUCT or MAP), and a window string aggregation. Every method takes and
 * returns SQL expression text; arguments are trusted SQL produced by the engine.
 */
public interface VersioningDialect extends SqlDialect {

    /** A short name for messages, e.g. {@code "duckdb"}. */
    String name();

    /** The algorithms {@link #hash} can compute. */
    Set<HashAlgorithm> supportedHashAlgorithms();

    /**
     * A VARCHAR expression of the rendered hash of the UTF-8 bytes of {@code sqlExpr}: unsigned decimal for xxhash64,
     * xxhash32 and wyhash, lowercase hex for md5 and sha256. NULL input gives NULL.
     *
     * @throws HashAlgorithmNotSupportedException when the dialect cannot compute {@code algorithm}
     */
    String hash(HashAlgorithm algorithm, String sqlExpr);

    /** The first {@code truncation.length()} characters of {@code sqlExpr}; the expression itself when untruncated. */
    default String truncate(String sqlExpr, Truncation truncation) {
        return truncation.length().isPresent() ? "substr(" + sqlExpr + ", 1, " + truncation.length().getAsInt() + ")" : sqlExpr;
    }

    /** The parts joined with {@code separator}; NULL when any part is NULL (narwhals {@code concat_str}, ignore_nulls=False). */
    default String concatWithSeparator(String separator, List<String> parts) {
        if (parts.isEmpty()) {
            return stringLiteral("");
        }
        StringJoiner joiner = new StringJoiner(" || " + stringLiteral(separator) + " || ", "(", ")");
        parts.forEach(joiner::add);
        return joiner.toString();
    }

    /** The value stored under {@code structKey} in a by-field column (STRUCT field or MAP entry); NULL when absent. */
    String byFieldValue(String columnExpr, String structKey);

    /**
     * As {@link #byFieldValue(String, String)} for a column given by the caller, which is a MAP ({@code isMap}) or a
     * STRUCT whatever this dialect's own representation; dialects whose by-field type is neither (JSON) ignore it.
     */
    default String byFieldValue(String columnExpr, String structKey, boolean isMap) {
        return byFieldValue(columnExpr, structKey);
    }

    /** A by-field value (STRUCT or MAP of VARCHAR) with the given keys, in order, and value expressions. */
    String buildByField(LinkedHashMap<String, String> values);

    /**
     * The values of {@code sqlExpr} over the whole window partition, NULLs skipped, ordered ascending by
     * {@code orderBy} with NULLs first (Polars' order), joined with {@code separator}; NULL when every value is NULL.
     */
    String stringAggOverWindow(String sqlExpr, String separator, List<String> partitionBy, List<String> orderBy);

    /** The first non-NULL of the expressions. */
    default String coalesce(List<String> sqlExprs) {
        return "COALESCE(" + String.join(", ", sqlExprs) + ")";
    }

    /** A boolean that is TRUE when the two values differ, treating NULL as an ordinary value. */
    default String isDistinctFrom(String left, String right) {
        return "(" + left + " IS DISTINCT FROM " + right + ")";
    }

    /** An aggregate returning any non-NULL value of the group (NULL only when all are NULL). */
    default String anyValue(String sqlExpr) {
        return "any_value(" + sqlExpr + ")";
    }

    /** {@link #hash} checked against {@link #supportedHashAlgorithms()}, for implementations. */
    default void requireSupported(HashAlgorithm algorithm) {
        if (!supportedHashAlgorithms().contains(algorithm)) {
            throw new HashAlgorithmNotSupportedException(name(), algorithm, supportedHashAlgorithms());
        }
    }
}
