package dev.metaxy.postgres;

import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.sql.VersioningDialect;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PostgreSQL's versioning dialect. By-field columns are {@code JSONB} objects of strings (PostgreSQL has no MAP
 * type): read with {@code ->>}, built with {@code jsonb_build_object}. md5 and sha256 are built in; xxhash64 and
 * xxhash32 are exact PL/pgSQL functions the store installs per session ({@link PostgresHashFunctions}). wyhash
 * (and any other algorithm) is not supported.
 */
public final class PostgresDialect implements VersioningDialect {
    /** The one instance (the dialect has no options). */
    public static final PostgresDialect INSTANCE = new PostgresDialect();

    /** The algorithms the PostgreSQL store computes in the database. */
    public static final Set<HashAlgorithm> SUPPORTED = Set.copyOf(EnumSet.of(HashAlgorithm.XXHASH64, HashAlgorithm.XXHASH32,
        HashAlgorithm.MD5, HashAlgorithm.SHA256));

    /** jsonb_build_object takes at most 100 arguments (FUNC_MAX_ARGS): 50 key/value pairs per call. */
    private static final int PAIRS_PER_CALL = 50;

    private PostgresDialect() {
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public Set<HashAlgorithm> supportedHashAlgorithms() {
        return SUPPORTED;
    }

    @Override
    public String hash(HashAlgorithm algorithm, String sqlExpr) {
        requireSupported(algorithm);
        String text = "CAST(" + sqlExpr + " AS text)";
        return switch (algorithm) {
            case MD5 -> "md5(" + text + ")";
            case SHA256 -> "encode(sha256(convert_to(" + text + ", 'UTF8')), 'hex')";
            case XXHASH64, XXHASH32 -> PostgresHashFunctions.call(algorithm, text);
            default -> throw new IllegalStateException("unreachable: " + algorithm);
        };
    }

    @Override
    public String concatWithSeparator(String separator, List<String> parts) {
        if (parts.isEmpty()) {
            return stringLiteral("");
        }
        List<String> texts = new ArrayList<>();
        parts.forEach(p -> texts.add("CAST(" + p + " AS text)"));
        return "(" + String.join(" || " + stringLiteral(separator) + " || ", texts) + ")";
    }

    @Override
    public String byFieldValue(String columnExpr, String structKey) {
        return "(" + columnExpr + " ->> " + stringLiteral(structKey) + ")";
    }

    @Override
    public String buildByField(LinkedHashMap<String, String> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("A by-field value needs at least one field");
        }
        List<String> calls = new ArrayList<>();
        List<String> args = new ArrayList<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            args.add(stringLiteral(e.getKey()));
            args.add("CAST(" + e.getValue() + " AS text)");
            if (args.size() == 2 * PAIRS_PER_CALL) {
                calls.add("jsonb_build_object(" + String.join(", ", args) + ")");
                args.clear();
            }
        }
        if (!args.isEmpty()) {
            calls.add("jsonb_build_object(" + String.join(", ", args) + ")");
        }
        return calls.size() == 1 ? calls.get(0) : "(" + String.join(" || ", calls) + ")";
    }

    /**
     * PostgreSQL rejects {@code ORDER BY} inside an aggregate used as a window function, so the order goes into the
     * window itself with a frame spanning the whole partition: rows reach {@code string_agg} in window order.
     */
    @Override
    public String stringAggOverWindow(String sqlExpr, String separator, List<String> partitionBy, List<String> orderBy) {
        StringBuilder sb = new StringBuilder("string_agg(CAST(").append(sqlExpr).append(" AS text), ")
            .append(stringLiteral(separator)).append(") OVER (");
        if (!partitionBy.isEmpty()) {
            sb.append("PARTITION BY ").append(String.join(", ", partitionBy));
        }
        if (!orderBy.isEmpty()) {
            List<String> order = new ArrayList<>();
            orderBy.forEach(o -> order.add(o + " ASC NULLS FIRST"));
            sb.append(partitionBy.isEmpty() ? "" : " ").append("ORDER BY ").append(String.join(", ", order))
                .append(" ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING");
        }
        return sb.append(")").toString();
    }

    /** PostgreSQL 15 has no {@code any_value}; the first non-NULL element of the group's array serves. */
    @Override
    public String anyValue(String sqlExpr) {
        return "(array_agg(" + sqlExpr + ") FILTER (WHERE " + sqlExpr + " IS NOT NULL))[1]";
    }

    @Override
    public String toString() {
        return "PostgresDialect";
    }
}
