package dev.metaxy.cli.metadata;

import dev.metaxy.cli.CliContext;
import dev.metaxy.cli.ContextCommand;
import dev.metaxy.cli.FeatureSelector;
import dev.metaxy.cli.OutputFormat;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.CopyListener;
import dev.metaxy.store.CopyOptions;
import dev.metaxy.store.CopyResult;
import dev.metaxy.store.MetadataStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code metaxy metadata copy FEATURES...|--all-features --from SRC --to DST}: copies the latest row per sample (all
 * feature versions by default) from one configured store to another, keeping feature versions.
 */
@Command(name = "copy", description = "Copy metadata from one store to another.", mixinStandardHelpOptions = true)
public final class CopyCommand extends ContextCommand implements Callable<Integer> {
    @Mixin
    FeatureSelector selector;

    @Option(names = "--from", required = true, paramLabel = "STORE", description = "Source store name to copy metadata from.")
    String fromStore;

    @Option(names = "--to", required = true, paramLabel = "STORE", description = "Destination store name to copy metadata to.")
    String toStore;

    @Option(names = "--filter", description = "SQL WHERE filter applied to every feature. Can be repeated.")
    List<String> filters = new ArrayList<>();

    @Option(names = "--with-feature-history", negatable = true, defaultValue = "true", fallbackValue = "true", arity = "0..1",
        description = "Include rows of all feature versions (default: true).")
    boolean withFeatureHistory;

    @Option(names = "--with-sample-history", negatable = true, defaultValue = "false", fallbackValue = "true", arity = "0..1",
        description = "Copy every stored row per sample instead of the latest (default: false).")
    boolean withSampleHistory;

    @Override
    public Integer call() {
        CliContext ctx = context();
        var parsed = Filters.parse(filters);
        MetadataStore source = ctx.store(fromStore);
        MetadataStore destination = ctx.store(toStore);
        FeatureSelector.Selection selection = selector.resolve(ctx, OutputFormat.PLAIN, false);
        if (selection.found().isEmpty()) {
            ctx.err().println("Warning: No valid features to copy.");
            return 0;
        }
        CopyResult stats;
        try (MetadataStore src = source.open(AccessMode.READ); MetadataStore dst = destination.open(AccessMode.WRITE);
             FeatureProgress bar = FeatureProgress.start(ctx.err(), "Copying from '" + fromStore + "' to '" + toStore + "'",
                 selection.found().size())) {
            CopyOptions options = CopyOptions.defaults().globalFilters(parsed).withFeatureHistory(withFeatureHistory)
                .withSampleHistory(withSampleHistory).listener(new CopyListener() {
                    @Override
                    public void starting(FeatureKey feature) {
                        bar.step(feature.toString());
                    }

                    @Override
                    public void skipped(FeatureKey feature, String reason) {
                        ctx.err().println("Warning: " + reason);
                    }
                });
            stats = dst.copyMetadata(src, selection.found(), options);
        }
        ctx.err().println("✓ Copy complete: " + stats.featuresCopied() + " feature(s), " + stats.rowsCopied() + " row(s) copied");
        return 0;
    }
}
