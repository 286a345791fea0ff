package dev.metaxy.store;

import dev.metaxy.definition.FeatureKey;
import dev.metaxy.frame.Frame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Buffers frames per feature and writes them from a background thread when the pending row count reaches
 * {@code flushBatchSize}, when {@code flushInterval} has passed since the last flush, on {@link #flush()} and on
 * {@link #close()}. A background failure is kept and rethrown by the next {@code put}, {@code flush} or {@code close}.
 * The writer owns the frames it is given and closes them once written.
 */
public final class BufferedMetadataWriter implements AutoCloseable {
    private static final long POLL_MILLIS = 100;

    private final MetadataStore store;
    private final Integer flushBatchSize;
    private final Duration flushInterval;
    private final BlockingQueue<Object> queue;
    private final Map<FeatureKey, List<Frame>> pending = new LinkedHashMap<>();
    private final Map<FeatureKey, Long> written = new LinkedHashMap<>();
    private final AtomicReference<Throwable> error = new AtomicReference<>();
    private volatile boolean started;
    private volatile boolean stopRequested;
    private Thread thread;
    private long pendingRows;
    private long lastFlushNanos;

    private record FlushSignal(CompletableFuture<Void> done) {
    }

    private record Batch(Map<FeatureKey, Frame> frames) {
    }

    /** A writer for {@code store}; null batch size means flush by time only; a queue size of 0 is unbounded. */
    public BufferedMetadataWriter(MetadataStore store, Integer flushBatchSize, Duration flushInterval, int maxQueueSize) {
        this.store = Objects.requireNonNull(store, "store");
        if (flushBatchSize != null && flushBatchSize <= 0) {
            throw new IllegalArgumentException("flushBatchSize must be positive, got " + flushBatchSize);
        }
        if (flushInterval.isNegative() || flushInterval.isZero()) {
            throw new IllegalArgumentException("flushInterval must be positive, got " + flushInterval);
        }
        this.flushBatchSize = flushBatchSize;
        this.flushInterval = flushInterval;
        this.queue = maxQueueSize <= 0 ? new LinkedBlockingQueue<>() : new LinkedBlockingQueue<>(maxQueueSize);
    }

    /** A writer flushing every 2 seconds with an unbounded queue. */
    public BufferedMetadataWriter(MetadataStore store) {
        this(store, null, Duration.ofSeconds(2), 0);
    }

    /** Starts the background thread; returns this writer for try-with-resources. */
    public synchronized BufferedMetadataWriter start() {
        if (started) {
            throw new IllegalStateException("Writer has already been started");
        }
        started = true;
        lastFlushNanos = System.nanoTime();
        thread = new Thread(this::run, "metaxy-buffered-writer");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /** Queues frames for writing (keys: any feature reference). Blocks while a bounded queue is full. */
    public void put(Map<?, Frame> frames) {
        checkUsable();
        Map<FeatureKey, Frame> byKey = new LinkedHashMap<>();
        frames.forEach((k, v) -> byKey.put(store.graph().keyOf(k), v));
        try {
            queue.put(new Batch(byKey));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while queueing frames", e);
        }
    }

    /** Queues one feature's frame. */
    public void put(Object feature, Frame frame) {
        put(Map.of(feature, frame));
    }

    /** Writes everything queued so far and waits for it (30 s at most). */
    public void flush() {
        flush(Duration.ofSeconds(30));
    }

    public void flush(Duration timeout) {
        checkUsable();
        FlushSignal signal = new FlushSignal(new CompletableFuture<>());
        queue.add(signal);
        try {
            signal.done().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Flush did not complete within " + timeout.toSeconds() + "s", e);
        } catch (ExecutionException e) {
            throw new MetadataStoreException("Flush failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while flushing", e);
        }
    }

    /** Rows written so far per feature (a snapshot). */
    public synchronized Map<FeatureKey, Long> numWritten() {
        return Map.copyOf(written);
    }

    public boolean hasError() {
        return error.get() != null;
    }

    /** Drains the queue, writes what is pending, stops the thread and returns rows written per feature. */
    public Map<FeatureKey, Long> stop(Duration timeout) {
        if (!started) {
            return Map.of();
        }
        stopRequested = true;
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            throw new IllegalStateException("BufferedMetadataWriter background thread did not stop within " + timeout.toSeconds() + "s");
        }
        Throwable t = error.get();
        if (t != null) {
            throw new MetadataStoreException("Writer encountered an error: " + t.getMessage(), t);
        }
        return numWritten();
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }

    private void checkUsable() {
        if (!started) {
            throw new IllegalStateException("Writer has not been started. Call start() first or use try-with-resources");
        }
        Throwable t = error.get();
        if (t != null) {
            throw new MetadataStoreException("Writer encountered an error: " + t.getMessage(), t);
        }
        if (stopRequested) {
            throw new IllegalStateException("Cannot put data after writer has been stopped");
        }
    }

    private void run() {
        try {
            while (true) {
                Object first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                List<Object> items = new ArrayList<>();
                if (first != null) {
                    items.add(first);
                    queue.drainTo(items);
                }
                for (Object item : items) {
                    if (item instanceof Batch b) {
                        b.frames().forEach((k, f) -> {
                            pending.computeIfAbsent(k, x -> new ArrayList<>()).add(f);
                            pendingRows += f.rowCount();
                        });
                    } else if (item instanceof FlushSignal s) {
                        try {
                            flushPending();
                            s.done().complete(null);
                        } catch (RuntimeException e) {
                            s.done().completeExceptionally(e);
                        }
                    }
                }
                boolean due = !pending.isEmpty() && (stopRequested
                    || (flushBatchSize != null && pendingRows >= flushBatchSize)
                    || System.nanoTime() - lastFlushNanos >= flushInterval.toNanos());
                if (due) {
                    flushPending();
                }
                if (stopRequested && queue.isEmpty() && pending.isEmpty()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            error.set(e);
            pending.values().forEach(list -> list.forEach(Frame::close));
            pending.clear();
            failWaitingFlushes(e);
        }
    }

    private void failWaitingFlushes(Throwable t) {
        Object o;
        while ((o = queue.poll()) != null) {
            if (o instanceof FlushSignal s) {
                s.done().completeExceptionally(t);
            } else if (o instanceof Batch b) {
                b.frames().values().forEach(Frame::close);
            }
        }
    }

    private void flushPending() {
        if (pending.isEmpty()) {
            lastFlushNanos = System.nanoTime();
            return;
        }
        Map<FeatureKey, Frame> batch = new LinkedHashMap<>();
        try {
            for (Map.Entry<FeatureKey, List<Frame>> e : pending.entrySet()) {
                batch.put(e.getKey(), e.getValue().size() == 1 ? e.getValue().get(0) : Frame.concat(e.getValue()));
            }
            try (MetadataStore s = store.open(AccessMode.WRITE)) {
                s.writeMulti(batch, WriteOptions.defaults());
            }
            synchronized (this) {
                batch.forEach((k, f) -> written.merge(k, (long) f.rowCount(), Long::sum));
            }
            for (Map.Entry<FeatureKey, List<Frame>> e : pending.entrySet()) {
                Frame merged = batch.get(e.getKey());
                e.getValue().forEach(Frame::close);
                if (e.getValue().size() > 1) {
                    merged.close();
                }
            }
            pending.clear();
            pendingRows = 0;
        } finally {
            lastFlushNanos = System.nanoTime();
        }
    }
}
