package dev.metaxy.store;

import dev.metaxy.frame.Frame;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A query that runs inside the store's engine: nothing is computed until it is collected, counted, streamed or
 * exported, and only the result crosses into the JVM.
 */
public interface LazyFrame {

    /** Runs the query and materialises the result as Arrow data. */
    Frame collect();

    /** Runs the query and returns its row count (computed in the engine). */
    long count();

    /** Runs the query and hands each Arrow batch to {@code consumer}; batches are closed after the call. */
    void stream(int batchRows, Consumer<Frame> consumer);

    /** Writes the result to a Parquet file inside the engine. */
    void writeParquet(Path file);

    /** Writes the result to an Arrow IPC file. */
    default void writeArrowIpc(Path file) {
        try (Frame f = collect()) {
            f.writeArrowIpc(file);
        }
    }

    /** The engine-side query text (for diagnostics and plan tests). */
    String query();
}
