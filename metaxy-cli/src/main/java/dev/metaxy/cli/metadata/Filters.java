package dev.metaxy.cli.metadata;

import dev.metaxy.expr.Expression;
import dev.metaxy.expr.Expressions;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --filter}-style options: SQL WHERE fragments parsed into expressions (never spliced into SQL). A string
 * that does not parse raises {@link dev.metaxy.expr.InvalidFilterException}, reported as {@code Invalid filter syntax}.
 */
final class Filters {
    private Filters() {
    }

    /** Each string parsed, in order; null or empty gives an empty list. */
    static List<Expression> parse(List<String> filters) {
        List<Expression> parsed = new ArrayList<>();
        if (filters != null) {
            for (String f : filters) {
                parsed.add(Expressions.parse(f));
            }
        }
        return parsed;
    }

    /** The filters ANDed together, or null when there are none (meaning "all rows"). */
    static Expression conjunction(List<Expression> filters) {
        return filters.isEmpty() ? null : Expressions.and(filters);
    }
}
