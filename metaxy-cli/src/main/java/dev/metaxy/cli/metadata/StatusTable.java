package dev.metaxy.cli.metadata;

import dev.metaxy.cli.TextTable;
import dev.metaxy.definition.FeatureKey;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * The plain output of {@code metadata status}: a table Status | Feature | Materialized | Missing | Stale | Orphaned |
 * Info with the reference icons ({@code ✗} missing, {@code ○} root, {@code ⚠} needs update, {@code ✓} up to date,
 * {@code !} error), then (with {@code --versions}) a table of the stored feature versions, then verbose previews. Errors themselves are reported on stderr by the command.
 */
record StatusTable(StoreInfo store, boolean progressRequested, boolean verbose, Map<FeatureKey, StoredVersions> stored) {

    static String icon(String category) {
        return switch (category) {
            case "missing" -> "✗";
            case "root_feature" -> "○";
            case "needs_update" -> "⚠";
            case "up_to_date" -> "✓";
            default -> "!";
        };
    }

    void print(PrintWriter out, String snapshotId, List<FeatureKey> keys, Map<FeatureKey, FeatureStatus> statuses,
               Map<FeatureKey, String> errors) {
        if (snapshotId != null) {
            out.println();
            out.println("Metadata status (snapshot " + snapshotId + ")");
        }
        TextTable table = new TextTable("Status", "Feature", "Materialized", "Missing", "Stale", "Orphaned", "Info");
        for (FeatureKey key : keys) {
            FeatureStatus s = statuses.get(key);
            if (s == null) {
                String msg = errors.get(key);
                table.row(icon("error"), key.toString(), "-", "-", "-", "-", msg.length() > 60 ? msg.substring(0, 60) + "..." : msg);
                continue;
            }
            boolean noInput = progressRequested && !s.root() && s.progressPercentage() == null;
            String status = s.progressPercentage() != null
                ? icon(s.category()) + " (" + Math.round(s.progressPercentage()) + "%)"
                : noInput ? icon("needs_update") + " (no input)" : icon(s.category());
            String info = store.label().text();
            if (s.root() || noInput) {
                table.row(status, key.toString(), Long.toString(s.storeRows()), "-", "-", "-", info);
            } else {
                table.row(status, key.toString(), Long.toString(s.storeRows()), Long.toString(s.missing()),
                    Long.toString(s.stale()), Long.toString(s.orphaned()), info);
            }
        }
        out.print(table.render());
        if (!stored.isEmpty()) {
            printVersions(out, statuses);
        }
        if (verbose) {
            for (FeatureKey key : keys) {
                FeatureStatus s = statuses.get(key);
                List<String> lines = s == null ? List.of() : SamplePreview.lines(s);
                if (!lines.isEmpty()) {
                    out.println();
                    out.println("`" + key + "` preview");
                    out.println();
                    for (String line : lines) {
                        out.println(line);
                        out.println();
                    }
                }
            }
        }
    }

    /** {@code Stored versions}: Feature | Version | Rows | Current, one row per stored version. */
    private void printVersions(PrintWriter out, Map<FeatureKey, FeatureStatus> statuses) {
        TextTable table = new TextTable("Feature", "Version", "Rows", "Current");
        stored.forEach((key, versions) -> {
            if (versions.isEmpty()) {
                table.row(key.toString(), "-", "0", "-");
            }
            for (StoredVersions.Version v : versions.versions()) {
                boolean current = v.featureVersion().equals(statuses.get(key).targetVersion());
                table.row(key.toString(), v.featureVersion(), Long.toString(v.rows()), current ? "✓" : "");
            }
        });
        out.println();
        out.println("Stored versions");
        out.print(table.render());
    }
}
