package dev.metaxy.cli.metadata;

import dev.metaxy.cli.CliContext;
import dev.metaxy.cli.ContextCommand;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.frame.Frame;
import dev.metaxy.expr.Expressions;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.FeatureNotInStoreException;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.ReadOptions;
import dev.metaxy.store.WriteOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.arrow.vector.types.pojo.Schema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code metaxy metadata write FEATURE --input FILE}: appends the rows of a Parquet, CSV or JSON Lines file to a
 * feature, validated and stamped exactly as the library's {@code write}. Nothing is written when anything is wrong.
 */
@Command(name = "write", description = "Write metadata rows from a .parquet, .csv or .jsonl file.", mixinStandardHelpOptions = true)
public final class WriteCommand extends ContextCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FEATURE", description = "Feature key to write.")
    String feature;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE",
        description = "Rows to write; needs the id columns and metaxy_provenance_by_field (JSON objects in CSV/JSON Lines).")
    Path input;

    @Option(names = "--store", description = "Metadata store name (defaults to configured default store).")
    String store;

    @Option(names = "--materialization-id", paramLabel = "ID", description = "Stamp rows with this run id.")
    String materializationId;

    @Override
    public Integer call() {
        CliContext ctx = context();
        FeatureKey key = FeatureArg.resolve(ctx.graph(), feature);
        WriteOptions options = materializationId == null ? WriteOptions.defaults() : WriteOptions.defaults().withMaterializationId(materializationId);
        int rows;
        try (MetadataStore s = ctx.store(store).open(AccessMode.WRITE);
             Frame frame = InputFrame.read(ctx.workingDir().resolve(input), storedSchema(s, key))) {
            rows = frame.rowCount();
            s.write(key, frame, options);
        }
        ctx.err().println("✓ Wrote " + rows + " row(s) to " + key);
        return 0;
    }

    /** The schema of the feature's table in {@code s}, null when it has none. */
    private static Schema storedSchema(MetadataStore s, FeatureKey key) {
        ReadOptions none = ReadOptions.defaults().allowFallback(false).withFeatureHistory().withSampleHistory()
            .includeSoftDeleted().filter(Expressions.alwaysFalse());
        try (Frame empty = s.read(key, none).collect()) {
            return empty.schema();
        } catch (FeatureNotInStoreException e) {
            return null;
        }
    }
}
