package dev.metaxy.store;

import dev.metaxy.definition.FeatureDefinition;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.frame.Frame;
import dev.metaxy.graph.FeatureGraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Copies feature metadata between two open stores (reference {@code copy_metadata}): per feature, the rows read from
 * the source with the filters and without fallbacks are appended to the destination keeping their stored feature
 * versions. Features absent from the source, or with no rows, are skipped and reported to the listener.
 */
public final class MetadataCopy {
    private final MetadataStore source;
    private final MetadataStore destination;

    public MetadataCopy(MetadataStore source, MetadataStore destination) {
        this.source = Objects.requireNonNull(source, "source");
        this.destination = Objects.requireNonNull(destination, "destination");
    }

    /**
     * Copies {@code features} (any feature references; null: every feature of the destination's graph that is not
     * external). The destination must be open for writing and the source open.
     */
    public CopyResult copy(List<?> features, CopyOptions options) {
        if (!destination.isOpen() || destination.mode() != AccessMode.WRITE) {
            throw new IllegalStateException("Destination store must be opened with store.open(AccessMode.WRITE) before use");
        }
        if (!source.isOpen()) {
            throw new IllegalStateException("Source store must be opened before use");
        }
        List<FeatureKey> keys = keys(destination.graph(), features);
        Map<FeatureKey, Long> copied = new LinkedHashMap<>();
        List<FeatureKey> skipped = new ArrayList<>();
        CopyListener listener = options.listener();
        for (FeatureKey key : keys) {
            listener.starting(key);
            long rows = copyOne(key, options);
            if (rows < 0) {
                skipped.add(key);
                listener.skipped(key, "Feature " + key + " not found in source store, skipping");
            } else if (rows == 0) {
                skipped.add(key);
                listener.skipped(key, "No rows to copy for feature " + key + ", skipping");
            } else {
                copied.put(key, rows);
                listener.copied(key, rows);
            }
        }
        return new CopyResult(copied, skipped);
    }

    /** The rows copied, or -1 when the source has no table for the feature. */
    private long copyOne(FeatureKey key, CopyOptions options) {
        ReadOptions ro = ReadOptions.defaults().filters(options.filtersFor(key)).allowFallback(false);
        if (options.isWithFeatureHistory()) {
            ro = ro.withFeatureHistory();
        }
        if (options.isWithSampleHistory()) {
            ro = ro.withSampleHistory();
        }
        Frame frame;
        try {
            frame = source.read(key, ro).collect();
        } catch (FeatureNotInStoreException e) {
            return -1;
        }
        try (frame) {
            if (frame.rowCount() > 0) {
                destination.write(key, frame, WriteOptions.defaults().preservingFeatureVersion());
            }
            return frame.rowCount();
        }
    }

    private static List<FeatureKey> keys(FeatureGraph graph, List<?> features) {
        List<FeatureKey> out = new ArrayList<>();
        if (features == null) {
            for (FeatureDefinition d : graph.definitions()) {
                if (!d.isExternal()) {
                    out.add(d.key());
                }
            }
            return out;
        }
        features.forEach(f -> out.add(graph.keyOf(f)));
        return out;
    }
}
