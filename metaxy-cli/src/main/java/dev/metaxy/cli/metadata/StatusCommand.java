package dev.metaxy.cli.metadata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metaxy.cli.CliContext;
import dev.metaxy.cli.CliException;
import dev.metaxy.cli.ContextCommand;
import dev.metaxy.cli.FeatureSelector;
import dev.metaxy.cli.JsonOutput;
import dev.metaxy.cli.OutputFormat;
import dev.metaxy.cli.StoreLabel;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.FeatureNotInStoreException;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.system.GraphSnapshots;
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
 * {@code metaxy metadata status}: for each selected feature, the rows in the store and (non-root features) how many
 * samples are missing, stale or orphaned. Exit 1 with {@code --assert-in-sync} when anything needs an update, and
 * always when a feature fails (broken definitions, missing upstream tables): one {@code Error: <feature>: <problem>}
 * line each on stderr, the other features still reported.
 */
@Command(name = "status", description = "Check metadata completeness and freshness for specified features.",
    mixinStandardHelpOptions = true)
public final class StatusCommand extends ContextCommand implements Callable<Integer> {
    @Mixin
    FeatureSelector selector;

    @Option(names = "--store", description = "Metadata store name (defaults to configured default store).")
    String store;

    @Option(names = "--filter", description = "SQL WHERE filter applied to the target feature. Can be repeated.")
    List<String> filters = new ArrayList<>();

    @Option(names = "--global-filter", description = "SQL WHERE filter applied to all features incl. upstream. Can be repeated.")
    List<String> globalFilters = new ArrayList<>();

    @Option(names = "--stale-if", description = "SQL WHERE predicate marking matching stored samples stale. Can be repeated.")
    List<String> staleIf = new ArrayList<>();

    @Option(names = "--snapshot-id", paramLabel = "VERSION", description = "Resolve feature keys against a pushed project version.")
    String snapshotId;

    @Option(names = "--assert-in-sync", arity = "0..1", fallbackValue = "true",
        description = "Exit with error if any feature needs updates or metadata is missing.")
    boolean assertInSync;

    @Option(names = "--verbose", arity = "0..1", fallbackValue = "true", description = "Show sample previews of the increment.")
    boolean verbose;

    @Option(names = "--progress", arity = "0..1", fallbackValue = "true",
        description = "Show the percentage of input units processed at least once.")
    boolean progress;

    @Option(names = "--allow-fallback-stores", negatable = true, defaultValue = "true", fallbackValue = "true", arity = "0..1",
        description = "Whether to read metadata from fallback stores (default: true).")
    boolean allowFallbackStores;

    @Option(names = "--versions", arity = "0..1", fallbackValue = "true",
        description = "Also list the feature versions stored for each feature, with their row counts.")
    boolean versions;

    @Option(names = "--format", defaultValue = "plain", description = "plain or json")
    OutputFormat format;

    @Override
    public Integer call() {
        CliContext ctx = context();
        boolean json = format == OutputFormat.JSON;
        FeatureStatus.Options options = new FeatureStatus.Options(Filters.parse(globalFilters), Filters.parse(filters),
            Filters.parse(staleIf), allowFallbackStores, progress || verbose);
        String storeName = store != null ? store : ctx.config().store();
        GraphHealth health = GraphHealth.of(ctx.graph());
        try (MetadataStore s = ctx.store(store, health.healthy()).open(AccessMode.READ)) {
            FeatureGraph keysGraph = snapshotId == null ? ctx.graph() : snapshotGraph(ctx, s, json);
            FeatureSelector.Selection selection = selector.resolve(ctx, keysGraph, format, assertInSync);
            if (selection.found().isEmpty()) {
                noFeatures(ctx.out(), json);
                return 0;
            }
            List<FeatureKey> keys = selection.found();
            Map<FeatureKey, FeatureStatus> statuses = new LinkedHashMap<>();
            Map<FeatureKey, String> errors = new LinkedHashMap<>();
            try (FeatureProgress bar = FeatureProgress.start(ctx.err(), "Checking status", keys.size())) {
                for (FeatureKey key : keys) {
                    bar.step(key.toString());
                    String problem = health.problems().get(key);
                    try {
                        if (problem == null) {
                            statuses.put(key, FeatureStatus.compute(s, health.healthy(), key, options));
                        }
                    } catch (FeatureNotInStoreException e) {
                        problem = "upstream feature '" + e.feature() + "' has no metadata in store '" + storeName + "'";
                    } catch (RuntimeException e) {
                        problem = e.getMessage() == null ? e.toString() : e.getMessage();
                    }
                    if (problem != null) {
                        errors.put(key, problem);
                    }
                }
            }
            errors.forEach((key, problem) -> ctx.err().println("Error: " + key + ": " + problem));
            Map<FeatureKey, StoredVersions> stored = new LinkedHashMap<>();
            if (versions) {
                statuses.keySet().forEach(key -> stored.put(key, StoredVersions.read(s, key)));
            }
            StoreInfo info = new StoreInfo(StoreLabel.of(ctx.config(), storeName), s);
            if (json) {
                ObjectNode root = new StatusJson(info, verbose, stored).render(snapshotId, keys, statuses, errors, selection.missing());
                ctx.out().println(JsonOutput.write(root));
            } else {
                new StatusTable(info, progress || verbose, verbose, stored).print(ctx.out(), snapshotId, keys, statuses, errors);
            }
            boolean needsUpdate = statuses.values().stream().anyMatch(FeatureStatus::needsUpdate);
            return !errors.isEmpty() || assertInSync && needsUpdate ? 1 : 0;
        }
    }

    private FeatureGraph snapshotGraph(CliContext ctx, MetadataStore s, boolean json) {
        try {
            return new GraphSnapshots(s).loadGraph(snapshotId, ctx.config().truncation());
        } catch (RuntimeException e) {
            throw new CliException("SNAPSHOT_ERROR", e.getMessage(), Map.of(), json, null);
        }
    }

    private void noFeatures(PrintWriter out, boolean json) {
        if (json) {
            ObjectNode o = JsonOutput.object();
            o.put("warning", "No valid features to check");
            o.putObject("features");
            o.put("project_version", snapshotId);
            o.put("needs_update", false);
            out.println(JsonOutput.write(o));
        } else {
            context().err().println("Warning: No valid features to check.");
        }
    }
}
