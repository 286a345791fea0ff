package dev.metaxy.cli.metadata;

import dev.metaxy.cli.CliContext;
import dev.metaxy.cli.CliException;
import dev.metaxy.cli.ContextCommand;
import dev.metaxy.cli.FeatureSelector;
import dev.metaxy.cli.OutputFormat;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.expr.Expression;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.DeleteOptions;
import dev.metaxy.store.FeatureNotInStoreException;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.ReadOptions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code metaxy metadata delete}: soft (tombstones, the default) or hard deletes of the rows matching the filters
 * (ANDed). A hard delete without filters needs {@code --yes}; {@code --dry-run} only counts. Reports the rows deleted
 * per feature (stderr, or a JSON document on stdout with {@code --format json}).
 */
@Command(name = "delete", description = "Delete metadata rows matching filters.", mixinStandardHelpOptions = true)
public final class DeleteCommand extends ContextCommand implements Callable<Integer> {
    @Mixin
    FeatureSelector selector;

    @Option(names = "--store", description = "Metadata store name (defaults to configured default store).")
    String store;

    @Option(names = "--filter", description = "SQL WHERE filter selecting the rows to delete. Can be repeated (ANDed).")
    List<String> filters = new ArrayList<>();

    @Option(names = "--soft", arity = "0..1", fallbackValue = "true",
        description = "Mark rows with deletion timestamps (default) instead of removing them; --soft=false or --hard removes.")
    Boolean soft;

    @Option(names = "--hard", arity = "0..1", fallbackValue = "true", description = "Physically remove the rows.")
    boolean hard;

    @Option(names = "--with-feature-history", arity = "0..1", fallbackValue = "true",
        description = "Include rows of all historical feature versions (default: only the current version).")
    boolean withFeatureHistory;

    @Option(names = "--yes", arity = "0..1", fallbackValue = "true",
        description = "Confirm deletion (required for hard deletes without filters).")
    boolean yes;

    @Option(names = "--dry-run", arity = "0..1", fallbackValue = "true",
        description = "Preview: show features, filters and row counts without deleting.")
    boolean dryRun;

    @Option(names = "--format", defaultValue = "plain", description = "plain or json: how the deleted row counts are reported")
    OutputFormat format;

    @Override
    public Integer call() {
        boolean isSoft = !hard && (soft == null || soft);
        List<Expression> parsed = Filters.parse(filters);
        if (!isSoft && parsed.isEmpty() && !yes) {
            throw new CliException("MISSING_CONFIRMATION", "Hard deleting all metadata requires --yes flag to prevent accidental deletion.",
                Map.of(), false, "Use --yes to confirm, or provide --filter to restrict deletion.");
        }
        CliContext ctx = context();
        try (MetadataStore s = ctx.store(store).open(AccessMode.WRITE)) {
            FeatureSelector.Selection selection = selector.resolve(ctx, OutputFormat.PLAIN, false);
            if (selection.found().isEmpty()) {
                throw new CliException("NO_FEATURES", "No valid features selected for deletion.", Map.of(), false, null);
            }
            Expression filter = Filters.conjunction(parsed);
            if (dryRun) {
                Map<FeatureKey, String> counts = new LinkedHashMap<>();
                long total = 0;
                for (FeatureKey key : selection.found()) {
                    try {
                        long n = count(s, key, parsed, isSoft);
                        total += n;
                        counts.put(key, "(" + n + " rows)");
                    } catch (RuntimeException e) {
                        counts.put(key, "error: " + e.getMessage());
                    }
                }
                printDryRun(ctx.err(), isSoft, store != null ? store : ctx.config().store(), counts, total, parsed);
                return 0;
            }
            DeleteOptions options = isSoft ? DeleteOptions.soft() : DeleteOptions.hard();
            if (withFeatureHistory) {
                options = options.withFeatureHistory();
            }
            Map<FeatureKey, Long> deleted = new LinkedHashMap<>();
            Map<FeatureKey, String> errors = new LinkedHashMap<>();
            try (FeatureProgress bar = FeatureProgress.start(ctx.err(), "Deleting", selection.found().size())) {
                for (FeatureKey key : selection.found()) {
                    bar.step(key.toString());
                    try {
                        deleted.put(key, s.delete(key, filter, options));
                    } catch (RuntimeException e) {
                        errors.put(key, e.getMessage());
                        ctx.err().println("Error deleting " + key + ": " + e.getMessage());
                    }
                }
            }
            new DeletionReport(isSoft, deleted, errors).print(ctx, format == OutputFormat.JSON);
            return errors.isEmpty() ? 0 : 1;
        }
    }

    /** Rows the delete would affect: the latest live rows matching the filters (fallbacks only for soft deletes). */
    private long count(MetadataStore s, FeatureKey key, List<Expression> parsed, boolean isSoft) {
        ReadOptions ro = ReadOptions.defaults().filters(parsed).allowFallback(isSoft);
        if (withFeatureHistory) {
            ro = ro.withFeatureHistory();
        }
        try {
            return s.read(key, ro).count();
        } catch (FeatureNotInStoreException e) {
            return 0;
        }
    }

    private void printDryRun(PrintWriter err, boolean isSoft, String storeName, Map<FeatureKey, String> counts, long total,
                             List<Expression> parsed) {
        err.println("Dry run (" + (isSoft ? "soft" : "hard") + " delete, with_feature_history=" + (withFeatureHistory ? "yes" : "no") + ")");
        err.println();
        err.println("Store: " + storeName);
        err.println();
        err.println("Features (" + counts.size() + "):");
        counts.forEach((key, count) -> err.println("  • " + key + " " + count));
        err.println();
        err.println("Total rows to delete: " + total);
        err.println();
        err.println("Filters:");
        if (parsed.isEmpty()) {
            err.println("  (none)");
        }
        parsed.forEach(f -> err.println("  • " + f));
    }
}
