package dev.metaxy.cli.metadata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metaxy.cli.CliContext;
import dev.metaxy.cli.CliException;
import dev.metaxy.cli.ContextCommand;
import dev.metaxy.cli.JsonOutput;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.duckdb.FrameFiles;
import dev.metaxy.expr.Expression;
import dev.metaxy.frame.Frame;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.Increment;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.ResolveOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code metaxy metadata resolve FEATURE}: the feature's increment — new, stale and orphaned samples with their
 * provenance — as one JSON document {@code {"new": [...], "stale": [...], "orphaned": [...]}} or, with
 * {@code --output DIR}, one JSON Lines or Parquet file per part ({@code new.jsonl}, ...), ready for {@code metadata write}.
 */
@Command(name = "resolve", description = "Compute which samples of a feature are new, stale or orphaned.", mixinStandardHelpOptions = true)
public final class ResolveCommand extends ContextCommand implements Callable<Integer> {
    /** Output formats of {@code metadata resolve}. */
    public enum Format { JSON, JSONL, PARQUET }

    @Parameters(paramLabel = "FEATURE", description = "Feature key to resolve.")
    String feature;

    @Option(names = "--store", description = "Metadata store name (defaults to configured default store).")
    String store;

    @Option(names = "--samples", paramLabel = "FILE",
        description = "Expected samples (.parquet/.csv/.jsonl: id columns and metaxy_provenance_by_field); required for root features.")
    Path samples;

    @Option(names = "--filter", description = "SQL WHERE filter on the target feature. Can be repeated.")
    List<String> filters = new ArrayList<>();

    @Option(names = "--global-filter", description = "SQL WHERE filter on every feature incl. upstream. Can be repeated.")
    List<String> globalFilters = new ArrayList<>();

    @Option(names = "--stale-if", description = "SQL WHERE predicate marking matching stored samples stale. Can be repeated.")
    List<String> staleIf = new ArrayList<>();

    @Option(names = "--format", defaultValue = "json", description = "json, jsonl or parquet (jsonl and parquet need --output)")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Directory for new/stale/orphaned files.")
    Path output;

    @Override
    public Integer call() {
        CliContext ctx = context();
        FeatureKey key = FeatureArg.resolve(ctx.graph(), feature);
        if (format != Format.JSON && output == null) {
            throw new CliException("--format " + format.name().toLowerCase(java.util.Locale.ROOT) + " needs --output DIR");
        }
        ResolveOptions options = ResolveOptions.defaults();
        for (Expression e : Filters.parse(filters)) {
            options = options.targetFilter(e);
        }
        for (Expression e : Filters.parse(globalFilters)) {
            options = options.globalFilter(e);
        }
        for (Expression e : Filters.parse(staleIf)) {
            options = options.stalenessPredicate(e);
        }
        Frame sampleFrame = samples == null ? null : InputFrame.read(ctx.workingDir().resolve(samples), null);
        try (MetadataStore s = ctx.store(store).open(AccessMode.READ);
             Increment inc = s.resolveUpdate(key, sampleFrame == null ? options : options.samples(sampleFrame))) {
            Map<String, Frame> parts = new LinkedHashMap<>();
            parts.put("new", inc.newSamples());
            parts.put("stale", inc.stale());
            parts.put("orphaned", inc.orphaned());
            if (output == null) {
                ObjectNode root = JsonOutput.object();
                parts.forEach((name, frame) -> root.set(name, RowJson.array(frame)));
                ctx.out().println(JsonOutput.write(root));
            } else {
                Path dir = ctx.workingDir().resolve(output);
                writeFiles(dir, parts);
                ctx.err().println("✓ " + key + ": " + inc.newSamples().rowCount() + " new, " + inc.stale().rowCount() + " stale, "
                    + inc.orphaned().rowCount() + " orphaned sample(s) written to " + output);
            }
        } finally {
            if (sampleFrame != null) {
                sampleFrame.close();
            }
        }
        return 0;
    }

    private void writeFiles(Path dir, Map<String, Frame> parts) {
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, Frame> part : parts.entrySet()) {
                switch (format) {
                    case PARQUET -> FrameFiles.write(part.getValue(), dir.resolve(part.getKey() + ".parquet"));
                    case JSONL -> {
                        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(dir.resolve(part.getKey() + ".jsonl"), StandardCharsets.UTF_8))) {
                            RowJson.writeLines(part.getValue(), w);
                        }
                    }
                    default -> Files.writeString(dir.resolve(part.getKey() + ".json"), JsonOutput.write(RowJson.array(part.getValue())) + "\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
