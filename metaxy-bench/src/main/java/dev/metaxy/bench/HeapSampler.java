package dev.metaxy.bench;

import dev.metaxy.frame.Frame;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Peak memory of a timed region. A daemon thread samples the used JVM heap ({@link MemoryMXBean}) and the bytes held
 * by the Arrow allocator of {@link Frame} (off-heap) every millisecond; the heap pools' own peak counters are reset at
 * the start and summed at the end as a cross-check (an upper bound: pools may peak at different moments). Start it
 * right after a {@code System.gc()}; DuckDB's native memory is not included.
 */
public final class HeapSampler implements AutoCloseable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peakHeap;
    private volatile long peakArrow;
    private long poolPeak;

    private HeapSampler() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
        sample();
        thread = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "metaxy-bench-heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    public static HeapSampler start() {
        return new HeapSampler();
    }

    private void sample() {
        long h = memory.getHeapMemoryUsage().getUsed();
        long a = Frame.allocator().getAllocatedMemory();
        if (h > peakHeap) {
            peakHeap = h;
        }
        if (a > peakArrow) {
            peakArrow = a;
        }
    }

    /** Stops sampling (idempotent). */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        poolPeak = sum;
    }

    public long peakHeapBytes() {
        return peakHeap;
    }

    public long peakArrowBytes() {
        return peakArrow;
    }

    public long poolPeakHeapBytes() {
        return poolPeak;
    }
}
