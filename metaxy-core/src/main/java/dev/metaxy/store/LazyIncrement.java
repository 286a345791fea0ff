package dev.metaxy.store;

/** The lazy form of {@link Increment}: three engine-side queries, collected together on demand. */
public record LazyIncrement(LazyFrame newSamples, LazyFrame stale, LazyFrame orphaned) {

    /** Runs the three queries and returns the eager increment. */
    public Increment collect() {
        return new Increment(newSamples.collect(), stale.collect(), orphaned.collect());
    }
}
