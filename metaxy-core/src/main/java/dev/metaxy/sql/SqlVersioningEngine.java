package dev.metaxy.sql;

import dev.metaxy.definition.FeatureKey;
import dev.metaxy.expr.Expression;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.hash.Truncation;
import dev.metaxy.versioning.FeaturePlan;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Sample-level versioning as SQL text (no JDBC): the expected rows of a feature from its upstream relations, the
 * increment against the current rows, and the deduplicating store read. Results equal {@code ReferenceEngine}'s;
 * the backend specifics live in a {@link VersioningDialect}. Generated statements are plain SELECTs (with CTEs);
 * every name and literal goes through the dialect's quoting.
 */
public final class SqlVersioningEngine {
    /** The discriminator column of {@link #incrementQuery}: {@code new}, {@code stale} or {@code orphaned}. */
    public static final String INCREMENT_KIND_COLUMN = "__metaxy_increment";

    private final VersioningDialect dialect;
    private final HashAlgorithm algorithm;
    private final Truncation truncation;

    /**
     * An engine hashing with {@code algorithm}, truncating with {@code truncation}.
     *
     * @throws HashAlgorithmNotSupportedException when the dialect cannot compute {@code algorithm}
     */
    public SqlVersioningEngine(VersioningDialect dialect, HashAlgorithm algorithm, Truncation truncation) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.truncation = Objects.requireNonNull(truncation, "truncation");
        dialect.requireSupported(algorithm);
    }

    public VersioningDialect dialect() {
        return dialect;
    }

    public HashAlgorithm algorithm() {
        return algorithm;
    }

    public Truncation truncation() {
        return truncation;
    }

    /** The truncated rendered hash of a VARCHAR expression; NULL stays NULL. */
    public String hashExpression(String sqlExpr) {
        return dialect.truncate(dialect.hash(algorithm, sqlExpr), truncation);
    }

    /**
     * The expected rows of {@code plan}'s feature: join columns, upstream user columns and the four versioning
     * columns, exactly as {@code ReferenceEngine.expected}.
     *
     * @param upstream       per dependency the current deduplicated upstream rows (store table layout)
     * @param runtimeFilters per dependency extra filters on post-rename column names, applied after the static
     *                       {@code sql_filters}; may be null
     * @throws IllegalArgumentException for a root feature, a missing upstream relation or column
     */
    public SqlRelation expectedQuery(FeaturePlan plan, Map<FeatureKey, SqlRelation> upstream,
                                     Map<FeatureKey, List<Expression>> runtimeFilters) {
        return new ExpectedQueryBuilder(dialect, this::hashExpression).build(plan, upstream, runtimeFilters);
    }

    /**
     * The rows of {@code joined} (upstream joined by the caller, checked as {@code input}) with the four provenance and
     * data-version columns of {@code plan}'s feature computed exactly as {@link #expectedQuery} computes them
     * ({@code compute_provenance}); the renamed upstream by-field and provenance columns are dropped.
     */
    public SqlRelation provenanceQuery(FeaturePlan plan, SqlRelation joined, ProvenanceInput input) {
        return new ExpectedQueryBuilder(dialect, this::hashExpression).provenanceOf(plan, joined, input);
    }

    /**
     * New, stale and orphaned rows as three statements. {@code current} is the target's current deduplicated rows;
     * staleness predicates (OR-ed, NULL counts as false) are evaluated on current rows; may be null.
     */
    public IncrementQueries incrementQueries(FeaturePlan plan, SqlRelation expected, SqlRelation current,
                                             List<Expression> stalenessPredicates) {
        return new IncrementQueryBuilder(dialect, plan, expected, current, stalenessPredicates).separate();
    }

    /**
     * The increment as one full join of expected and current, tagged per row, for a store that materialises it once
     * and reads the three parts from it; empty when {@code current} may hold several rows per join key (then use
     * {@link #incrementQueries}).
     */
    public Optional<JoinedIncrement> joinedIncrement(FeaturePlan plan, SqlRelation expected, SqlRelation current,
                                                     List<Expression> stalenessPredicates) {
        return new IncrementQueryBuilder(dialect, plan, expected, current, stalenessPredicates).joined();
    }

    /**
     * The whole increment as one statement: {@link #INCREMENT_KIND_COLUMN}, the expected columns, then the
     * current-only columns (NULL where a part has no such column).
     */
    public SqlRelation incrementQuery(FeaturePlan plan, SqlRelation expected, SqlRelation current,
                                      List<Expression> stalenessPredicates) {
        return new IncrementQueryBuilder(dialect, plan, expected, current, stalenessPredicates).combined();
    }

    /**
     * A store read of {@code table}.
     *
     * @param idColumns          the feature's id columns (dedup groups)
     * @param featureVersion     keep only this {@code metaxy_feature_version}, or null for every version
     * @param filters            user filters, applied after deduplication; may be null
     * @param includeSoftDeleted keep rows whose latest version is soft-deleted
     * @param withSampleHistory  keep every row instead of the latest per id group
     * @param columns            the output columns, or null for all
     */
    public SqlRelation readQuery(SqlRelation table, List<String> idColumns, String featureVersion, List<Expression> filters,
                                 boolean includeSoftDeleted, boolean withSampleHistory, List<String> columns) {
        return new ReadQueryBuilder(dialect).build(table, idColumns, featureVersion, filters, includeSoftDeleted,
            withSampleHistory, columns);
    }
}
