package dev.metaxy.cli.metadata;

import dev.metaxy.cli.CliContext;
import dev.metaxy.cli.CliException;
import dev.metaxy.cli.ContextCommand;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.frame.Frame;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.FeatureNotInStoreException;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.WriteOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code metaxy metadata rebase FEATURE --from V [--to V2]}: carries the rows stored under feature version V over to
 * V2 (default: the current version), recomputing provenance, and writes them keeping the new version. A version the
 * table does not hold (or no table) is an error listing the stored versions with their row counts.
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
        FeatureKey key = FeatureArg.resolve(ctx.graph(), feature);
        if (ctx.graph().spec(key).isRoot()) {
            throw new CliException("Cannot rebase root feature " + key + ". Root features have user-defined provenance: "
                + "re-run the pipeline that writes them.");
        }
        String storeName = store != null ? store : ctx.config().store();
        Frame existing;
        try (MetadataStore s = ctx.store(store).open(AccessMode.READ)) {
            existing = readExisting(s, key, storeName);
        }
        long rows;
        try (existing) {
            rows = existing.rowCount();
            if (!dryRun) {
                try (MetadataStore s = ctx.store(store).open(AccessMode.WRITE);
                     Frame rebased = s.rebase(key, existing, toVersion).collect()) {
                    rows = rebased.rowCount();
                    s.write(key, rebased, WriteOptions.defaults().preservingFeatureVersion());
                }
            }
        }
        ctx.err().println(dryRun ? "Dry run: " + rows + " row(s) would be rebased" : "✓ Rebased " + rows + " row(s)");
        return 0;
    }

    /**
     * The rows stored under the source version. No table for the feature, or no row of that version, is an error
     * naming the versions the table holds.
     */
    private Frame readExisting(MetadataStore s, FeatureKey key, String storeName) {
        Frame rows;
        try {
            rows = s.read(key, StoredVersions.rowsOf(fromVersion)).collect();
        } catch (FeatureNotInStoreException e) {
            throw new CliException("Feature '" + key + "' has no metadata in store '" + storeName + "': nothing to rebase");
        }
        if (rows.rowCount() == 0) {
            rows.close();
            StoredVersions stored = StoredVersions.read(s, key);
            throw new CliException("Feature '" + key + "' has no rows of version '" + fromVersion + "' in store '" + storeName
                + "'; " + (stored.isEmpty() ? "it has no rows" : "stored versions: " + stored.summary()));
        }
        return rows;
    }
}
