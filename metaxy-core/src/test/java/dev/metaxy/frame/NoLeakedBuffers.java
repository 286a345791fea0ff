package dev.metaxy.frame;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Fails a test that leaves Arrow buffers allocated in {@link Frame#allocator()}. */
final class NoLeakedBuffers implements BeforeEachCallback, AfterEachCallback {

  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(NoLeakedBuffers.class);

  @Override
  public void beforeEach(ExtensionContext context) {
    context.getStore(NS).put("start", Frame.allocator().getAllocatedMemory());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    long start = context.getStore(NS).get("start", Long.class);
    assertThat(Frame.allocator().getAllocatedMemory()).as("bytes still allocated after the test").isEqualTo(start);
  }
}
