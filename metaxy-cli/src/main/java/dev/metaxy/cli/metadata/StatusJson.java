package dev.metaxy.cli.metadata;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metaxy.cli.JsonOutput;
import dev.metaxy.definition.FeatureKey;
import java.util.List;
import java.util.Map;

/**
 * The JSON document of {@code metadata status --format json}: {@code project_version}, {@code features} keyed by
 * feature (null members omitted; root features omit missing/stale/orphaned), {@code needs_update} and optional
 * {@code warnings} ({@code missing_in_graph}, {@code errors}). With {@code --versions} each feature also has
 * {@code stored_versions}: {@code [{feature_version, rows, current}]}, most recently written first.
 */
record StatusJson(StoreInfo store, boolean verbose, Map<FeatureKey, StoredVersions> stored) {

    ObjectNode render(String snapshotId, List<FeatureKey> keys, Map<FeatureKey, FeatureStatus> statuses,
                      Map<FeatureKey, String> errors, List<FeatureKey> missingInGraph) {
        ObjectNode root = JsonOutput.object();
        root.put("project_version", snapshotId);
        ObjectNode features = root.putObject("features");
        for (FeatureKey key : keys) {
            FeatureStatus s = statuses.get(key);
            features.set(key.toString(), s != null ? feature(s) : error(key, errors.get(key)));
        }
        root.put("needs_update", statuses.values().stream().anyMatch(FeatureStatus::needsUpdate));
        if (!missingInGraph.isEmpty() || !errors.isEmpty()) {
            ObjectNode warnings = root.putObject("warnings");
            if (!missingInGraph.isEmpty()) {
                ArrayNode m = warnings.putArray("missing_in_graph");
                missingInGraph.forEach(k -> m.add(k.toString()));
            }
            if (!errors.isEmpty()) {
                ArrayNode e = warnings.putArray("errors");
                errors.forEach((k, msg) -> e.addObject().put("feature", k.toString()).put("error", msg));
            }
        }
        return root;
    }

    private ObjectNode feature(FeatureStatus s) {
        ObjectNode o = JsonOutput.object();
        o.put("feature_key", s.key().toString());
        o.put("status", s.category());
        o.put("needs_update", s.needsUpdate());
        o.put("metadata_exists", s.metadataExists());
        o.put("store_rows", s.storeRows());
        if (!s.root()) {
            o.put("missing", s.missing());
            o.put("stale", s.stale());
            o.put("orphaned", s.orphaned());
        }
        o.put("target_version", s.targetVersion());
        o.put("is_root_feature", s.root());
        if (verbose && s.increment() != null) {
            ArrayNode details = o.putArray("sample_details");
            SamplePreview.lines(s).forEach(details::add);
        }
        o.set("store_metadata", store.of(s.key()));
        if (s.progressPercentage() != null) {
            o.put("progress_percentage", s.progressPercentage());
        }
        if (stored.containsKey(s.key())) {
            ArrayNode versions = o.putArray("stored_versions");
            for (StoredVersions.Version v : stored.get(s.key()).versions()) {
                versions.addObject().put("feature_version", v.featureVersion()).put("rows", v.rows())
                    .put("current", v.featureVersion().equals(s.targetVersion()));
            }
        }
        return o;
    }

    private static ObjectNode error(FeatureKey key, String message) {
        ObjectNode o = JsonOutput.object();
        o.put("feature_key", key.toString());
        o.put("status", "error");
        o.put("needs_update", false);
        o.put("metadata_exists", false);
        o.put("store_rows", 0);
        o.put("target_version", "");
        o.put("is_root_feature", false);
        o.put("error_message", message);
        return o;
    }
}
