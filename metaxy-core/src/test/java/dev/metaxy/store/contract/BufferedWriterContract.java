package dev.metaxy.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.frame.Frame;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.store.BufferedMetadataWriter;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.MetadataStoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** BufferedMetadataWriter over the store: size/interval/explicit flushes, errors, stop (§8, §15 item 39). */
public abstract class BufferedWriterContract extends StoreContract {
    private static final FeatureSpec A = rootSpec("bw/a");
    private static final FeatureSpec B = FeatureSpec.builder("bw/b").idColumns(UID).dependsOn(A).build();

    private FeatureGraph g() {
        return graph(A, B);
    }

    private static Frame one(String uid) {
        return frame(List.of(sample(uid, "h-" + uid)));
    }

    private static Frame bad() {
        return frame(List.of(row(UID, "bad", "value", 1L)));
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private long stored(MetadataStore s, Object feature) {
        try (var r = openR(s)) {
            return rawCount(s, feature);
        }
    }

    @Test
    void writesEverythingPutBeforeStop() {
        MetadataStore s = store(g());
        BufferedMetadataWriter writer = new BufferedMetadataWriter(s, 1000, Duration.ofMinutes(5), 0).start();
        writer.put(A.key(), one("s1"));
        writer.put(Map.of("bw/a", one("s2"), B.key(), one("s1")));
        Map<dev.metaxy.definition.FeatureKey, Long> written = writer.stop(Duration.ofSeconds(30));
        assertThat(written).containsEntry(A.key(), 2L).containsEntry(B.key(), 1L);
        assertThat(stored(s, A.key())).isEqualTo(2);
        assertThat(stored(s, B.key())).isEqualTo(1);
    }

    @Test
    void tryWithResourcesStopsAndFlushes() {
        MetadataStore s = store(g());
        try (BufferedMetadataWriter writer = new BufferedMetadataWriter(s).start()) {
            writer.put(A.key(), one("s1"));
        }
        assertThat(stored(s, A.key())).isEqualTo(1);
    }

    @Test
    void reachingTheBatchSizeTriggersAFlush() {
        MetadataStore s = store(g());
        BufferedMetadataWriter writer = new BufferedMetadataWriter(s, 3, Duration.ofMinutes(5), 0).start();
        try {
            writer.put(A.key(), one("s1"));
            writer.put(A.key(), one("s2"));
            writer.put(A.key(), one("s3"));
            await(() -> writer.numWritten().getOrDefault(A.key(), 0L) == 3L, "size-triggered flush");
        } finally {
            writer.close();
        }
        assertThat(stored(s, A.key())).isEqualTo(3);
    }

    @Test
    void theFlushIntervalTriggersAFlush() {
        MetadataStore s = store(g());
        BufferedMetadataWriter writer = new BufferedMetadataWriter(s, null, Duration.ofMillis(200), 0).start();
        try {
            writer.put(A.key(), one("s1"));
            await(() -> writer.numWritten().getOrDefault(A.key(), 0L) == 1L, "interval-triggered flush");
        } finally {
            writer.close();
        }
    }

    @Test
    void anExplicitFlushWritesImmediately() {
        MetadataStore s = store(g());
        BufferedMetadataWriter writer = new BufferedMetadataWriter(s, null, Duration.ofMinutes(5), 0).start();
        try {
            writer.put(A.key(), one("s1"));
            writer.put(A.key(), one("s2"));
            writer.flush();
            assertThat(writer.numWritten()).containsEntry(A.key(), 2L);
            assertThat(stored(s, A.key())).isEqualTo(2);
        } finally {
            writer.close();
        }
    }

    @Test
    void misuseRaisesClearErrors() {
        MetadataStore s = store(g());
        BufferedMetadataWriter writer = new BufferedMetadataWriter(s);
        assertThat(writer.stop(Duration.ofSeconds(1))).isEmpty();
        try (Frame f = one("s1")) {
            assertThatThrownBy(() -> writer.put(A.key(), f)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Writer has not been started");
        }
        writer.start();
        assertThatThrownBy(writer::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("Writer has already been started");
        writer.close();
        try (Frame f = one("s2")) {
            assertThatThrownBy(() -> writer.put(A.key(), f)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Cannot put data after writer has been stopped");
        }
        assertThat(stored(s, A.key())).isZero();
    }

    @Test
    void aFailingExplicitFlushRaisesToTheCallerAndKeepsTheWriterAlive() {
        MetadataStore s = store(g());
        BufferedMetadataWriter writer = new BufferedMetadataWriter(s, null, Duration.ofMinutes(5), 0).start();
        writer.put(A.key(), bad());
        assertThatThrownBy(writer::flush).isInstanceOf(MetadataStoreException.class).hasMessageContaining("Flush failed");
        assertThat(writer.hasError()).isFalse();
        assertThat(stored(s, A.key())).isZero();
        assertThatThrownBy(writer::close).isInstanceOf(MetadataStoreException.class)
            .hasMessageContaining("Writer encountered an error");
        assertThat(stored(s, A.key())).isZero();
    }

    @Test
    void aBackgroundFlushErrorIsKeptAndRaisedByLaterCalls() {
        MetadataStore s = store(g());
        BufferedMetadataWriter writer = new BufferedMetadataWriter(s, 1, Duration.ofMinutes(5), 0).start();
        writer.put(A.key(), bad());
        await(writer::hasError, "background error");
        try (Frame f = one("s1")) {
            assertThatThrownBy(() -> writer.put(A.key(), f)).isInstanceOf(MetadataStoreException.class)
                .hasMessageContaining("Writer encountered an error").hasMessageContaining("metaxy_provenance_by_field");
        }
        assertThatThrownBy(() -> writer.stop(Duration.ofSeconds(10))).isInstanceOf(MetadataStoreException.class)
            .hasMessageContaining("Writer encountered an error");
        assertThat(stored(s, A.key())).isZero();
    }

    @Test
    void concurrentPutsAreAllWritten() throws Exception {
        MetadataStore s = store(g());
        BufferedMetadataWriter writer = new BufferedMetadataWriter(s, 10, Duration.ofMillis(100), 0).start();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        writer.put(A.key(), one("t" + thread + "-" + i));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(writer.stop(Duration.ofSeconds(30))).containsEntry(A.key(), 100L);
        try (var r = openR(s)) {
            assertThat(readRows(s, A.key())).hasSize(100);
        }
    }
}
