package dev.metaxy.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metaxy.frame.Frame;

/** Resource checks shared by the test classes. */
final class Hygiene {
    private Hygiene() {
    }

    /** Every Arrow buffer allocated through the library's allocator has been released. */
    static void assertNoArrowMemory() {
        assertThat(Frame.allocator().getAllocatedMemory()).as("Arrow memory still allocated:\n%s",
            Frame.allocator().toVerboseString()).isZero();
    }
}
