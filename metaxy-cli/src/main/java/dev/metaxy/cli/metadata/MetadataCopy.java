package dev.metaxy.cli.metadata;

import dev.metaxy.definition.FeatureKey;
import dev.metaxy.expr.Expression;
import dev.metaxy.frame.Frame;
import dev.metaxy.store.FeatureNotInStoreException;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.ReadOptions;
import dev.metaxy.store.WriteOptions;
import java.io.PrintWriter;
import java.util.List;

/**
 * Copies feature metadata between two open stores (reference {@code copy_metadata}): per feature, read from the
 * source with the filters and no fallbacks, then write to the destination keeping the stored feature versions.
 * Features with no rows, or absent from the source, are skipped with a warning.
 */
final class MetadataCopy {
    /** What a copy did. */
    record Stats(int featuresCopied, long rowsCopied) {
    }

    private final MetadataStore source;
    private final MetadataStore destination;
    private final PrintWriter warnings;

    MetadataCopy(MetadataStore source, MetadataStore destination, PrintWriter warnings) {
        this.source = source;
        this.destination = destination;
        this.warnings = warnings;
    }

    Stats copy(List<FeatureKey> features, List<Expression> filters, boolean withFeatureHistory, boolean withSampleHistory,
               FeatureProgress progress) {
        int copied = 0;
        long rows = 0;
        ReadOptions ro = ReadOptions.defaults().filters(filters).allowFallback(false);
        if (withFeatureHistory) {
            ro = ro.withFeatureHistory();
        }
        if (withSampleHistory) {
            ro = ro.withSampleHistory();
        }
        for (FeatureKey key : features) {
            progress.step(key.toString());
            Frame frame;
            try {
                frame = source.read(key, ro).collect();
            } catch (FeatureNotInStoreException e) {
                warnings.println("Warning: Feature " + key + " not found in source store, skipping");
                continue;
            }
            try (frame) {
                if (frame.rowCount() == 0) {
                    warnings.println("Warning: No rows to copy for feature " + key + ", skipping");
                    continue;
                }
                destination.write(key, frame, WriteOptions.defaults().preservingFeatureVersion());
                copied++;
                rows += frame.rowCount();
            }
        }
        return new Stats(copied, rows);
    }
}
