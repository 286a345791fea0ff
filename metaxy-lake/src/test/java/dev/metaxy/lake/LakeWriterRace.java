package dev.metaxy.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metaxy.frame.Frame;
import dev.metaxy.frame.FrameSchemas;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.MetadataStoreException;
import dev.metaxy.store.ReadOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Scenarios for the optimistic commits of table-format stores: several store objects (each its own catalog or
 * Kernel engine, as separate processes would have) racing to create and append to one table, and a write whose
 * column type contradicts the table.
 */
public final class LakeWriterRace {
    private LakeWriterRace() {
    }

    static Frame rows(long first, int n, String uidType) {
        Schema schema = new Schema(List.of(
            FrameSchemas.field("sample_uid", "string".equals(uidType) ? ArrowType.Utf8.INSTANCE : new ArrowType.Int(64, true)),
            FrameSchemas.struct("metaxy_provenance_by_field", List.of(FrameSchemas.field("audio", ArrowType.Utf8.INSTANCE),
                FrameSchemas.field("frames", ArrowType.Utf8.INSTANCE)))));
        List<Map<String, Object>> out = new ArrayList<>();
        for (long i = first; i < first + n; i++) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("sample_uid", "string".equals(uidType) ? (Object) ("s" + i) : (Object) i);
            r.put("metaxy_provenance_by_field", Map.of("audio", "a" + i, "frames", "f" + i));
            out.add(r);
        }
        return Frame.fromRows(schema, out);
    }

    /**
     * {@code writers} store objects start together on a table that does not exist yet and append {@code batches}
     * writes of {@code rows} rows each: every row arrives exactly once.
     */
    public static void everyConcurrentAppendLands(Supplier<MetadataStore> stores, int writers, int batches, int rows) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int w = 0; w < writers; w++) {
                long base = w * 1_000_000L;
                MetadataStore store = stores.get();
                futures.add(pool.submit(() -> {
                    try (MetadataStore s = store.open(AccessMode.WRITE)) {
                        start.await();
                        for (int b = 0; b < batches; b++) {
                            try (Frame f = rows(base + (long) b * rows, rows, "long")) {
                                s.write(LakeScenario.VIDEO.key(), f);
                            }
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(300, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        try (MetadataStore s = stores.get().open(AccessMode.READ)) {
            Set<Long> ids = new HashSet<>();
            long[] total = {0};
            s.read(LakeScenario.VIDEO.key(), ReadOptions.defaults().withSampleHistory().columns("sample_uid")).stream(10_000, f -> {
                for (int i = 0; i < f.rowCount(); i++) {
                    total[0]++;
                    ids.add(((Number) f.value(i, "sample_uid")).longValue());
                }
            });
            assertThat(total[0]).as("rows").isEqualTo((long) writers * batches * rows);
            assertThat(ids).as("distinct ids").hasSize(writers * batches * rows);
        }
    }

    /**
     * Text ids into a table whose ids are integers fail with a {@link MetadataStoreException} naming the column, and
     * the table keeps its rows; {@code version} reads the table's committed version, which must not move.
     */
    public static void wronglyTypedColumnIsRejected(MetadataStore store, Supplier<Object> version) {
        try (MetadataStore s = store.open(AccessMode.WRITE)) {
            try (Frame f = rows(0, 5, "long")) {
                s.write(LakeScenario.VIDEO.key(), f);
            }
            Object before = version.get();
            try (Frame bad = rows(100, 3, "string")) {
                assertThatThrownBy(() -> s.write(LakeScenario.VIDEO.key(), bad)).isInstanceOf(MetadataStoreException.class)
                    .hasMessageContaining("sample_uid").hasMessageContaining("nothing was written");
            }
            assertThat(version.get()).as("no new table version").isEqualTo(before);
            assertThat(s.read(LakeScenario.VIDEO.key()).count()).isEqualTo(5);
        }
    }
}
