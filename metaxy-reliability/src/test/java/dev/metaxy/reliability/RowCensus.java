package dev.metaxy.reliability;

import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.ReadOptions;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every physical row of {@code rel/raw} (all versions, tombstones included) read through the store API, so it
 * works for every store: the row count, the distinct sample ids and the rows per {@code batch} tag.
 */
record RowCensus(long rows, long distinctIds, Map<Long, Long> perBatch) {

    static RowCensus of(MetadataStore s) {
        if (!s.hasFeature(Fixtures.RAW.key())) {
            return new RowCensus(0, 0, Map.of());
        }
        ReadOptions all = ReadOptions.defaults().withFeatureHistory().withSampleHistory().includeSoftDeleted()
            .columns(Fixtures.UID, Fixtures.BATCH);
        long[] rows = {0};
        Set<Long> ids = new HashSet<>();
        Map<Long, Long> perBatch = new TreeMap<>();
        s.read(Fixtures.RAW.key(), all).stream(50_000, f -> {
            for (int i = 0; i < f.rowCount(); i++) {
                rows[0]++;
                ids.add(((Number) f.value(i, Fixtures.UID)).longValue());
                perBatch.merge(((Number) f.value(i, Fixtures.BATCH)).longValue(), 1L, Long::sum);
            }
        });
        return new RowCensus(rows[0], ids.size(), perBatch);
    }
}
