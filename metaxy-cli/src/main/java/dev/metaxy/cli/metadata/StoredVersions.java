package dev.metaxy.cli.metadata;

import dev.metaxy.definition.FeatureKey;
import dev.metaxy.definition.SystemColumns;
import dev.metaxy.frame.Frame;
import dev.metaxy.store.FeatureNotInStoreException;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.ReadOptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The feature versions a store's table holds for one feature, with the rows of each (the rows {@code metadata rebase
 * --from} would carry over: latest live row per sample of that version, no fallback stores), most recently written
 * version first. Empty when the store has no table for the feature.
 */
record StoredVersions(List<Version> versions) {
    private static final int BATCH_ROWS = 50_000;

    /** One stored feature version and its row count. */
    record Version(String featureVersion, long rows) {
    }

    /** The rows of one version as {@code metadata rebase --from} reads them. */
    static ReadOptions rowsOf(String featureVersion) {
        return ReadOptions.defaults().withFeatureHistory().featureVersion(featureVersion).allowFallback(false);
    }

    static StoredVersions read(MetadataStore store, FeatureKey key) {
        Map<String, Comparable<Object>> lastWritten = new HashMap<>();
        ReadOptions everyRow = ReadOptions.defaults().withFeatureHistory().withSampleHistory().includeSoftDeleted()
            .allowFallback(false).columns(SystemColumns.FEATURE_VERSION, SystemColumns.CREATED_AT);
        try {
            store.read(key, everyRow).stream(BATCH_ROWS, batch -> collect(batch, lastWritten));
        } catch (FeatureNotInStoreException e) {
            return new StoredVersions(List.of());
        }
        List<Version> out = new ArrayList<>();
        lastWritten.keySet().forEach(v -> out.add(new Version(v, store.read(key, rowsOf(v)).count())));
        Comparator<Version> newest = Comparator.comparing(v -> lastWritten.get(v.featureVersion()),
            Comparator.nullsFirst(Comparator.<Comparable<Object>>naturalOrder()));
        out.sort(newest.reversed().thenComparing(Version::featureVersion));
        return new StoredVersions(List.copyOf(out));
    }

    @SuppressWarnings("unchecked")
    private static void collect(Frame batch, Map<String, Comparable<Object>> lastWritten) {
        for (int i = 0; i < batch.rowCount(); i++) {
            String version = String.valueOf(batch.value(i, SystemColumns.FEATURE_VERSION));
            Comparable<Object> at = (Comparable<Object>) batch.value(i, SystemColumns.CREATED_AT);
            if (!lastWritten.containsKey(version) || at != null && (lastWritten.get(version) == null || at.compareTo(lastWritten.get(version)) > 0)) {
                lastWritten.put(version, at);
            }
        }
    }

    boolean isEmpty() {
        return versions.isEmpty();
    }

    /** {@code v1 (3 rows), v0 (1 row)}. */
    String summary() {
        return versions.stream().map(v -> v.featureVersion() + " (" + v.rows() + (v.rows() == 1 ? " row)" : " rows)"))
            .collect(Collectors.joining(", "));
    }
}
