package dev.metaxy.store;

import dev.metaxy.frame.Frame;

/**
 * What to do for a feature: samples never computed ({@code newSamples}), samples whose upstream changed
 * ({@code stale}) and stored samples without upstream any more ({@code orphaned}). Eager; close it to free memory.
 */
public record Increment(Frame newSamples, Frame stale, Frame orphaned) implements AutoCloseable {

    /** True when nothing is new, stale or orphaned. */
    public boolean isEmpty() {
        return newSamples.rowCount() == 0 && stale.rowCount() == 0 && orphaned.rowCount() == 0;
    }

    @Override
    public void close() {
        newSamples.close();
        stale.close();
        orphaned.close();
    }
}
