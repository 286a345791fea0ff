package dev.metaxy.cli.metadata;

import dev.metaxy.cli.TextTable;
import dev.metaxy.frame.Frame;
import dev.metaxy.store.LazyFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Verbose status output: up to five rows of each non-empty increment part, as small tables. */
final class SamplePreview {
    static final int LIMIT = 5;

    private SamplePreview() {
    }

    /** Section lines ({@code Missing samples:}, table, ...) for a non-root feature; empty for root features. */
    static List<String> lines(FeatureStatus status) {
        List<String> lines = new ArrayList<>();
        if (status.increment() == null) {
            return lines;
        }
        section(lines, "Missing samples:", status.missing(), status.increment().newSamples());
        section(lines, "Stale samples:", status.stale(), status.increment().stale());
        section(lines, "Orphaned samples:", status.orphaned(), status.increment().orphaned());
        return lines;
    }

    private static void section(List<String> lines, String title, long count, LazyFrame part) {
        if (count == 0) {
            return;
        }
        try (Frame all = part.collect(); Frame head = all.slice(0, Math.min(LIMIT, all.rowCount()))) {
            List<String> columns = head.columnNames();
            TextTable table = new TextTable(columns.toArray(String[]::new));
            for (Map<String, Object> row : head.toRows()) {
                table.row(columns.stream().map(c -> RowJson.text(row.get(c))).toArray(String[]::new));
            }
            lines.add(title);
            lines.add(table.render().stripTrailing());
        }
    }
}
