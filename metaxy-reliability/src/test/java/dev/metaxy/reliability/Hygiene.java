package dev.metaxy.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metaxy.frame.Frame;

/** Resource checks shared by the test classes. */
final class Hygiene {
    /**
     * The resource lock of the library's one Arrow allocator: classes that assert it is back to zero hold it
     * exclusively, so the crash tests (which run their kill points in parallel) never run beside them.
     */
    static final String ARROW_ALLOCATOR = "metaxy-arrow-allocator";

    private Hygiene() {
    }

    /** Every Arrow buffer allocated through the library's allocator has been released. */
    static void assertNoArrowMemory() {
        assertThat(Frame.allocator().getAllocatedMemory()).as("Arrow memory still allocated:\n%s",
            Frame.allocator().toVerboseString()).isZero();
    }
}
