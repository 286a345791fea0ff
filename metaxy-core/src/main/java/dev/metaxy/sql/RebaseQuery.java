package dev.metaxy.sql;

import dev.metaxy.definition.SystemColumns;
import dev.metaxy.expr.SqlDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The rebase SELECT: the given rows joined on the id columns with the expected provenance of the target version,
 * stamped with that version; user data versions are kept unless they merely equalled the old provenance.
 */
final class RebaseQuery {
    private final SqlDialect dialect;
    private final UnaryOperator<String> textLiteral;

    /** {@code textLiteral} renders a version string as a text-typed SQL literal. */
    RebaseQuery(SqlDialect dialect, UnaryOperator<String> textLiteral) {
        this.dialect = dialect;
        this.textLiteral = textLiteral;
    }

    /**
     * @param rowColumns the columns of the given rows, readable from {@code rowsFrom}
     * @param rowsFrom   a FROM item over the given rows
     * @param expected   the expected rows under the target graph
     * @param ids        the feature's id columns
     */
    String sql(List<String> rowColumns, String rowsFrom, SqlRelation expected, List<String> ids, String featureVersion,
               String projectVersion) {
        List<String> items = new ArrayList<>();
        boolean hasDv = rowColumns.contains(SystemColumns.DATA_VERSION) && rowColumns.contains(SystemColumns.PROVENANCE);
        for (String c : rowColumns) {
            if (c.equals(SystemColumns.PROVENANCE) || c.equals(SystemColumns.PROVENANCE_BY_FIELD)
                || c.equals(SystemColumns.FEATURE_VERSION) || c.equals(SystemColumns.PROJECT_VERSION)) {
                continue;
            }
            if (hasDv && (c.equals(SystemColumns.DATA_VERSION) || c.equals(SystemColumns.DATA_VERSION_BY_FIELD))) {
                items.add("CASE WHEN w." + q(SystemColumns.DATA_VERSION) + " = w." + q(SystemColumns.PROVENANCE)
                    + " THEN NULL ELSE w." + q(c) + " END AS " + q(c));
            } else {
                items.add("w." + q(c));
            }
        }
        items.add("e." + q(SystemColumns.PROVENANCE_BY_FIELD));
        items.add("e." + q(SystemColumns.PROVENANCE));
        items.add(textLiteral.apply(featureVersion) + " AS " + q(SystemColumns.FEATURE_VERSION));
        items.add(textLiteral.apply(projectVersion) + " AS " + q(SystemColumns.PROJECT_VERSION));
        List<String> on = new ArrayList<>();
        List<String> expectedColumns = new ArrayList<>();
        for (String id : ids) {
            on.add("w." + q(id) + " = e." + q(id));
            expectedColumns.add(q(id));
        }
        expectedColumns.add(q(SystemColumns.PROVENANCE_BY_FIELD));
        expectedColumns.add(q(SystemColumns.PROVENANCE));
        return "SELECT " + String.join(", ", items) + " FROM " + rowsFrom + " AS w JOIN (SELECT " + String.join(", ", expectedColumns)
            + " FROM (" + expected.sql() + ") AS x) AS e ON " + String.join(" AND ", on);
    }

    private String q(String name) {
        return dialect.quoteIdentifier(name);
    }
}
