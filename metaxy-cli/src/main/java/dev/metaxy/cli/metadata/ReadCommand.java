package dev.metaxy.cli.metadata;

import dev.metaxy.cli.CliContext;
import dev.metaxy.cli.CliException;
import dev.metaxy.cli.ContextCommand;
import dev.metaxy.cli.JsonOutput;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.frame.Frame;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.LazyFrame;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.ReadOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code metaxy metadata read FEATURE}: the feature's rows (latest live row per sample of the current version unless
 * told otherwise), ordered by its id columns unless {@code --no-sort}, as JSON Lines (default), a JSON array, or Parquet, to stdout or {@code --output FILE}.
 */
@Command(name = "read", description = "Read metadata rows of a feature as JSON Lines, JSON or Parquet.", mixinStandardHelpOptions = true)
public final class ReadCommand extends ContextCommand implements Callable<Integer> {
    /** Output formats of {@code metadata read}. */
    public enum Format { JSONL, JSON, PARQUET }

    private static final int BATCH_ROWS = 10_000;

    @Parameters(paramLabel = "FEATURE", description = "Feature key to read.")
    String feature;

    @Option(names = "--store", description = "Metadata store name (defaults to configured default store).")
    String store;

    @Option(names = "--filter", description = "SQL WHERE filter on the rows. Can be repeated (ANDed).")
    List<String> filters = new ArrayList<>();

    @Option(names = "--with-feature-history", arity = "0..1", fallbackValue = "true", description = "Include rows of all feature versions.")
    boolean withFeatureHistory;

    @Option(names = "--with-sample-history", arity = "0..1", fallbackValue = "true", description = "Every stored row instead of the latest per sample.")
    boolean withSampleHistory;

    @Option(names = "--include-soft-deleted", arity = "0..1", fallbackValue = "true", description = "Keep samples whose latest row is a soft delete.")
    boolean includeSoftDeleted;

    @Option(names = "--allow-fallback-stores", negatable = true, defaultValue = "true", fallbackValue = "true", arity = "0..1",
        description = "Whether to read from fallback stores (default: true).")
    boolean allowFallbackStores;

    @Option(names = "--sort", negatable = true, defaultValue = "true", fallbackValue = "true", arity = "0..1",
        description = "Order rows by the feature's id columns (default: true; --no-sort keeps the engine's order, which is faster).")
    boolean sort;

    @Option(names = "--format", defaultValue = "jsonl", description = "jsonl, json or parquet (parquet needs --output)")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to this file instead of stdout.")
    Path output;

    @Override
    public Integer call() {
        CliContext ctx = context();
        FeatureKey key = FeatureArg.resolve(ctx.graph(), feature);
        ReadOptions ro = ReadOptions.defaults().filters(Filters.parse(filters)).allowFallback(allowFallbackStores);
        ro = withFeatureHistory ? ro.withFeatureHistory() : ro;
        ro = withSampleHistory ? ro.withSampleHistory() : ro;
        ro = includeSoftDeleted ? ro.includeSoftDeleted() : ro;
        ro = sort ? ro.orderBy(ctx.graph().spec(key).idColumns()) : ro;
        if (format == Format.PARQUET && output == null) {
            throw new CliException("--format parquet needs --output FILE");
        }
        Path file = output == null ? null : ctx.workingDir().resolve(output);
        try (MetadataStore s = ctx.store(store).open(AccessMode.READ)) {
            LazyFrame rows = s.read(key, ro);
            if (format == Format.PARQUET) {
                rows.writeParquet(file);
                ctx.err().println("✓ Wrote " + rows.count() + " row(s) to " + output);
                return 0;
            }
            if (file == null) {
                emit(rows, ctx.out());
                return 0;
            }
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
                emit(rows, w);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ctx.err().println("✓ Wrote " + rows.count() + " row(s) to " + output);
            return 0;
        }
    }

    private void emit(LazyFrame rows, PrintWriter out) {
        if (format == Format.JSONL) {
            rows.stream(BATCH_ROWS, batch -> RowJson.writeLines(batch, out));
        } else {
            try (Frame all = rows.collect()) {
                out.println(JsonOutput.write(RowJson.array(all)));
            }
        }
        out.flush();
    }
}
