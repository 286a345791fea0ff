package dev.metaxy.examples.basic;

import dev.metaxy.config.MetaxyConfig;
import dev.metaxy.definition.SystemColumns;
import dev.metaxy.examples.support.ExampleContext;
import dev.metaxy.examples.support.Push;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.FeatureNotInStoreException;
import dev.metaxy.store.MetadataStore;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parent step of the basic example: records the feature graph, then writes three parent samples unless rows of the
 * current parent version already exist (a rerun skips the write; after a code change the new version starts empty,
 * so the same samples are written again under it).
 */
public final class ComputeParent {
    public static final int SAMPLES = 3;

    private ComputeParent() {
    }

    /** Returns the number of rows written (0 when the current version already had rows). */
    public static Integer run(ExampleContext ctx) {
        PrintStream out = ctx.out();
        MetaxyConfig config = ctx.config();
        try (MetadataStore store = config.getStore(null).open(AccessMode.WRITE)) {
            out.println("Graph project_version: " + Push.graph(config, store));
            long existing = existingRows(store);
            if (existing > 0) {
                String version = config.graph().versions().featureVersion(BasicFeatures.PARENT);
                out.println("Metadata already exists for feature " + BasicFeatures.PARENT + " (feature_version: " + version + "...)");
                out.println("Skipping write to avoid duplicates");
                return 0;
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            for (long uid = 1; uid <= SAMPLES; uid++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("sample_uid", uid);
                row.put("raw_data", "sample_" + uid + "_data");
                // The provenance of a root field is what the caller says it is: here a made-up content version.
                row.put(SystemColumns.PROVENANCE_BY_FIELD, Map.of("embeddings", "v" + uid));
                rows.add(row);
            }
            store.write(BasicFeatures.PARENT, rows);
            out.println("Written " + rows.size() + " rows for feature " + BasicFeatures.PARENT);
            return rows.size();
        }
    }

    /** Rows of the current parent version; 0 when the store has no parent table yet. */
    private static long existingRows(MetadataStore store) {
        try {
            return store.read(BasicFeatures.PARENT).count();
        } catch (FeatureNotInStoreException e) {
            return 0;
        }
    }

    public static void main(String[] args) {
        ExampleContext.runMain("basic-compute-parent", ComputeParent::run);
    }
}
