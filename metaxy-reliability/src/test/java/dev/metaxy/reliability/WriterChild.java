package dev.metaxy.reliability;

import dev.metaxy.frame.Frame;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.BufferedMetadataWriter;
import dev.metaxy.store.MetadataStore;
import java.io.PrintStream;
import java.time.Duration;

/**
 * The writer process of the crash and concurrency tests, started in a child JVM by {@link ChildJvm}. It reports
 * progress on stdout, one line per completed step, so that the parent can kill it at a chosen point.
 *
 * <pre>
 * WriterChild KIND LOCATION batch      ROWS MAX_BATCHES          # one write() per batch: "WROTE b millis"
 * WriterChild KIND LOCATION buffered   ROWS MAX_PUTS FLUSH_ROWS  # BufferedMetadataWriter.put: "PUT p written"
 * WriterChild KIND LOCATION concurrent ROWS BATCHES WRITER       # ids offset by WRITER: "WROTE b", "DONE"
 * WriterChild KIND LOCATION hold       ROWS                      # one write, then keeps the store open: "HOLDING"
 * </pre>
 */
public final class WriterChild {
    /** Writer {@code w}'s ids start at {@code w * WRITER_STRIDE}. */
    static final long WRITER_STRIDE = 1_000_000L;

    private WriterChild() {
    }

    public static void main(String[] args) throws Exception {
        StoreKind kind = StoreKind.valueOf(args[0]);
        String location = args[1];
        String mode = args[2];
        int rows = Integer.parseInt(args[3]);
        PrintStream out = System.out;
        MetadataStore store = kind.build(Fixtures.graph(), location);
        try (MetadataStore s = store.open(AccessMode.WRITE)) {
            out.println("READY");
            out.flush();
            switch (mode) {
                case "batch" -> {
                    int max = Integer.parseInt(args[4]);
                    for (int b = 0; b < max; b++) {
                        long t0 = System.nanoTime();
                        try (Frame f = Fixtures.rawRows((long) b * rows, rows, b)) {
                            s.write(Fixtures.RAW.key(), f);
                        }
                        out.println("WROTE " + b + " " + (System.nanoTime() - t0) / 1_000_000);
                        out.flush();
                    }
                }
                case "buffered" -> {
                    int max = Integer.parseInt(args[4]);
                    int flushRows = Integer.parseInt(args[5]);
                    try (BufferedMetadataWriter w = new BufferedMetadataWriter(s, flushRows, Duration.ofMillis(150), 0).start()) {
                        for (int p = 0; p < max; p++) {
                            w.put(Fixtures.RAW.key(), Fixtures.rawRows((long) p * rows, rows, p));
                            out.println("PUT " + p + " " + w.numWritten().getOrDefault(Fixtures.RAW.key(), 0L));
                            out.flush();
                            Thread.sleep(3);
                        }
                    }
                }
                case "concurrent" -> {
                    int batches = Integer.parseInt(args[4]);
                    int writer = Integer.parseInt(args[5]);
                    for (int b = 0; b < batches; b++) {
                        try (Frame f = Fixtures.rawRows(writer * WRITER_STRIDE + (long) b * rows, rows, writer * 1000L + b)) {
                            s.write(Fixtures.RAW.key(), f);
                        }
                        out.println("WROTE " + b);
                        out.flush();
                    }
                }
                case "hold" -> {
                    try (Frame f = Fixtures.rawRows(0, rows, 0)) {
                        s.write(Fixtures.RAW.key(), f);
                    }
                    out.println("HOLDING");
                    out.flush();
                    // until the parent closes our stdin (or kills us)
                    while (System.in.read() >= 0) {
                        // discard
                    }
                }
                default -> throw new IllegalArgumentException("unknown mode " + mode);
            }
        }
        String after = kind.stateAfterClose();
        if (!after.isEmpty()) {
            out.println(after);
        }
        out.println("DONE");
        out.flush();
    }
}
