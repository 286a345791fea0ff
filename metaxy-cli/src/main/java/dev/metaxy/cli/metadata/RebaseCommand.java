package dev.metaxy.cli.metadata;

import dev.metaxy.cli.CliContext;
import dev.metaxy.cli.ContextCommand;
import dev.metaxy.definition.SystemColumns;
import dev.metaxy.expr.Expressions;
import dev.metaxy.frame.Frame;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.FeatureNotInStoreException;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.ReadOptions;
import dev.metaxy.store.WriteOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code metaxy metadata rebase FEATURE --from V [--to V2]}: carries the rows stored under feature version V over to
 * V2 (default: the current version), recomputing provenance, and writes them keeping the new version.
 */
@Command(name = "rebase", description = "Rebase metadata from one feature version to another, recalculating provenance.",
    mixinStandardHelpOptions = true)
public final class RebaseCommand extends ContextCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FEATURE", description = "Feature key to rebase.")
    String feature;

    @Option(names = "--from", required = true, paramLabel = "VERSION", description = "Source feature version hash.")
    String fromVersion;

    @Option(names = "--to", paramLabel = "VERSION", description = "Target feature version hash (default: the current version).")
    String toVersion;

    @Option(names = "--store", description = "Metadata store name (defaults to configured default store).")
    String store;

    @Option(names = "--dry-run", arity = "0..1", fallbackValue = "true", description = "Preview without executing.")
    boolean dryRun;

    @Override
    public Integer call() {
        CliContext ctx = context();
        FeatureArg.resolve(ctx.graph(), feature);
        long rows;
        try (MetadataStore s = ctx.store(store).open(AccessMode.WRITE)) {
            ReadOptions ro = ReadOptions.defaults().withFeatureHistory().allowFallback(false)
                .filter(Expressions.equal(SystemColumns.FEATURE_VERSION, fromVersion));
            Frame existing = readExisting(s, ro, ctx);
            if (existing == null) {
                rows = 0;
            } else if (dryRun) {
                try (Frame e = existing) {
                    rows = e.rowCount();
                }
            } else {
                try (Frame e = existing; Frame rebased = s.rebase(feature, e, toVersion).collect()) {
                    rows = rebased.rowCount();
                    if (rows > 0) {
                        s.write(feature, rebased, WriteOptions.defaults().preservingFeatureVersion());
                    }
                }
            }
        }
        ctx.err().println(dryRun ? "Dry run: " + rows + " row(s) would be rebased" : "✓ Rebased " + rows + " row(s)");
        return 0;
    }

    /** The rows stored under the source version, or null (with a warning) when the store has no table for the feature. */
    private Frame readExisting(MetadataStore s, ReadOptions ro, CliContext ctx) {
        try {
            return s.read(feature, ro).collect();
        } catch (FeatureNotInStoreException e) {
            ctx.err().println("Warning: Feature '" + feature + "' not found in store.");
            return null;
        }
    }
}
