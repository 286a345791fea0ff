package dev.metaxy.sql;

import dev.metaxy.definition.SystemColumns;
import dev.metaxy.expr.Expression;
import dev.metaxy.expr.Expressions;
import dev.metaxy.expr.SqlRenderer;
import dev.metaxy.versioning.FeaturePlan;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Builds increment queries (Python's {@code IncrementResolver}): new = anti-join, stale = semi-join on a changed or
 * missing current provenance or a staleness predicate, orphaned = current anti-joined with expected. Semi- and
 * anti-joins use {@code EXISTS}, so a row is never duplicated by several matching rows on the other side.
 */
final class IncrementQueryBuilder {
    private static final String EXPECTED = "__metaxy_expected";
    private static final String CURRENT = "__metaxy_current";
    private static final String PRESENT = "__metaxy_present";

    private final VersioningDialect d;
    private final FeaturePlan plan;
    private final SqlRelation expected;
    private final SqlRelation current;
    private final List<Expression> predicates;
    private final List<String> on;
    private final List<String> currentColumns;

    IncrementQueryBuilder(VersioningDialect dialect, FeaturePlan plan, SqlRelation expected, SqlRelation current,
                          List<Expression> stalenessPredicates) {
        this.d = dialect;
        this.plan = plan;
        this.expected = expected;
        this.current = current;
        this.predicates = stalenessPredicates == null ? List.of() : List.copyOf(stalenessPredicates);
        this.on = plan.joinColumns();
        for (String c : on) {
            require(expected, "expected", c);
            require(current, "current", c);
        }
        require(expected, "expected", SystemColumns.PROVENANCE);
        require(current, "current", SystemColumns.PROVENANCE);
        for (Expression p : predicates) {
            Expressions.requireColumns(p, current.columns());
        }
        this.currentColumns = current.columns();
    }

    private void require(SqlRelation relation, String what, String column) {
        if (!relation.has(column)) {
            throw new IllegalArgumentException("The " + what + " relation of feature '" + plan.key() + "' has no column '"
                + column + "' (join columns " + on + "); its columns: " + relation.columns());
        }
    }

    /** Starts a statement with the expected and (collapsed) current relations as CTEs. */
    private SqlWriter writer() {
        SqlWriter w = new SqlWriter(d);
        w.cte(EXPECTED, expected.sql());
        if (plan.hasExpansion()) {
            List<String> select = new ArrayList<>();
            for (String c : currentColumns) {
                select.add(on.contains(c) ? w.id(c) : w.as(d.anyValue(w.id(c)), c));
            }
            w.cte(CURRENT, "SELECT " + String.join(", ", select) + " FROM " + current.fromItem() + " AS " + w.id("c") + " GROUP BY "
                + SqlWriter.join(on, w::id));
        } else {
            w.cte(CURRENT, current.sql());
        }
        return w;
    }

    String newSelect(SqlWriter w) {
        return "SELECT " + w.cols("e", expected.columns()) + " FROM " + w.id(EXPECTED) + " AS " + w.id("e") + " WHERE NOT EXISTS (SELECT 1 FROM "
            + w.id(CURRENT) + " AS " + w.id("c") + " WHERE " + w.keysEqual("c", "e", on) + ")";
    }

    String staleSelect(SqlWriter w) {
        return "SELECT " + w.cols("e", expected.columns()) + " FROM " + w.id(EXPECTED) + " AS " + w.id("e") + " WHERE EXISTS (SELECT 1 FROM "
            + w.id(CURRENT) + " AS " + w.id("c") + " WHERE " + w.keysEqual("c", "e", on) + " AND " + staleness(w) + ")";
    }

    /** Whether the current row {@code c} makes the expected row {@code e} stale. */
    private String staleness(SqlWriter w) {
        String cur = w.col("c", SystemColumns.PROVENANCE);
        String exp = w.col("e", SystemColumns.PROVENANCE);
        // Python: current IS NULL OR expected != current, where a NULL comparison counts as false.
        List<String> reasons = new ArrayList<>();
        reasons.add(cur + " IS NULL");
        reasons.add("(" + exp + " IS NOT NULL AND " + d.isDistinctFrom(cur, exp) + ")");
        SqlRenderer renderer = new SqlRenderer(d).withTableAlias("c");
        for (Expression p : predicates) {
            reasons.add(d.coalesce(List.of(renderer.render(p), d.booleanLiteral(false))));
        }
        return "(" + String.join(" OR ", reasons) + ")";
    }

    String orphanedSelect(SqlWriter w) {
        return "SELECT " + w.cols("c", currentColumns) + " FROM " + w.id(CURRENT) + " AS " + w.id("c") + " WHERE NOT EXISTS (SELECT 1 FROM "
            + w.id(EXPECTED) + " AS " + w.id("e") + " WHERE " + w.keysEqual("e", "c", on) + ")";
    }

    IncrementQueries separate() {
        SqlWriter n = writer();
        SqlWriter s = writer();
        SqlWriter o = writer();
        return new IncrementQueries(
            SqlRelation.query(n.finish(newSelect(n)), expected.columns()),
            SqlRelation.query(s.finish(staleSelect(s)), expected.columns()),
            SqlRelation.query(o.finish(orphanedSelect(o)), currentColumns));
    }

    /**
     * The increment as one full join, when the current relation holds at most one row per join key (collapsed for
     * expansion lineage, or deduplicated on id columns that are all join columns): then each expected row meets at
     * most one current row and the join finds exactly the rows the semi- and anti-joins find. Empty otherwise.
     */
    Optional<JoinedIncrement> joined() {
        if (on.isEmpty() || !(plan.hasExpansion() || on.containsAll(plan.target().idColumns()))) {
            return Optional.empty();
        }
        SqlWriter w = writer();
        String e = w.cte(EXPECTED + "_present", "SELECT " + w.cols("x", expected.columns()) + ", TRUE AS " + w.id(PRESENT)
            + " FROM " + w.id(EXPECTED) + " AS " + w.id("x"));
        String c = w.cte(CURRENT + "_present", "SELECT " + w.cols("x", currentColumns) + ", TRUE AS " + w.id(PRESENT)
            + " FROM " + w.id(CURRENT) + " AS " + w.id("x"));
        String noCurrent = w.col("c", PRESENT) + " IS NULL";
        String noExpected = w.col("e", PRESENT) + " IS NULL";
        List<String> select = new ArrayList<>();
        select.add(w.as("CASE WHEN " + noCurrent + " THEN " + w.lit(IncrementKind.NEW.sqlValue()) + " WHEN " + noExpected + " THEN "
            + w.lit(IncrementKind.ORPHANED.sqlValue()) + " ELSE " + w.lit(IncrementKind.STALE.sqlValue()) + " END",
            SqlVersioningEngine.INCREMENT_KIND_COLUMN));
        List<String> columns = new ArrayList<>();
        columns.add(SqlVersioningEngine.INCREMENT_KIND_COLUMN);
        for (int i = 0; i < expected.columns().size(); i++) {
            select.add(w.as(w.col("e", expected.columns().get(i)), JoinedIncrement.expectedColumn(i)));
            columns.add(JoinedIncrement.expectedColumn(i));
        }
        for (int i = 0; i < currentColumns.size(); i++) {
            // Only orphaned rows read the current columns: the others leave them NULL, so the table stays small.
            select.add(w.as("CASE WHEN " + noExpected + " THEN " + w.col("c", currentColumns.get(i)) + " END",
                JoinedIncrement.currentColumn(i)));
            columns.add(JoinedIncrement.currentColumn(i));
        }
        String sql = w.finish("SELECT " + String.join(", ", select) + " FROM " + w.id(e) + " AS " + w.id("e") + " FULL OUTER JOIN "
            + w.id(c) + " AS " + w.id("c") + " ON " + w.keysEqual("e", "c", on) + " WHERE " + noCurrent + " OR " + noExpected + " OR " + staleness(w));
        return Optional.of(new JoinedIncrement(SqlRelation.query(sql, columns), expected.columns(), currentColumns));
    }

    /**
     * One statement: the kind column, then the expected columns, then current-only columns; each part fills the
     * columns it lacks with NULL.
     */
    SqlRelation combined() {
        SqlWriter w = writer();
        w.cte("__metaxy_new", newSelect(w));
        w.cte("__metaxy_stale", staleSelect(w));
        w.cte("__metaxy_orphaned", orphanedSelect(w));
        LinkedHashSet<String> all = new LinkedHashSet<>(expected.columns());
        all.addAll(currentColumns);
        List<String> columns = new ArrayList<>();
        columns.add(SqlVersioningEngine.INCREMENT_KIND_COLUMN);
        columns.addAll(all);
        String select = part(w, IncrementKind.NEW, "__metaxy_new", expected.columns(), all)
            + "\nUNION ALL " + part(w, IncrementKind.STALE, "__metaxy_stale", expected.columns(), all)
            + "\nUNION ALL " + part(w, IncrementKind.ORPHANED, "__metaxy_orphaned", currentColumns, all);
        return SqlRelation.query(w.finish(select), columns);
    }

    private static String part(SqlWriter w, IncrementKind kind, String cte, List<String> has, LinkedHashSet<String> all) {
        List<String> select = new ArrayList<>();
        select.add(w.as(w.lit(kind.sqlValue()), SqlVersioningEngine.INCREMENT_KIND_COLUMN));
        for (String c : all) {
            select.add(has.contains(c) ? w.col("x", c) : w.as(w.dialect().nullLiteral(), c));
        }
        return "SELECT " + String.join(", ", select) + " FROM " + w.id(cte) + " AS " + w.id("x");
    }
}
