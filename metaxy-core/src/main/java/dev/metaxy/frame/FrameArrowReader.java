package dev.metaxy.frame;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;

/** An {@link ArrowReader} over one record batch taken from a frame; it holds its own references to the buffers. */
final class FrameArrowReader extends ArrowReader {

  private final Schema schema;
  private ArrowRecordBatch pending;

  FrameArrowReader(BufferAllocator allocator, VectorSchemaRoot source) {
    super(allocator);
    this.schema = source.getSchema();
    this.pending = new VectorUnloader(source).getRecordBatch();
  }

  @Override
  public boolean loadNextBatch() {
    if (pending == null) {
      return false;
    }
    prepareLoadNextBatchUnchecked();
    ArrowRecordBatch batch = pending;
    pending = null;
    loadRecordBatch(batch);
    return true;
  }

  private void prepareLoadNextBatchUnchecked() {
    try {
      prepareLoadNextBatch();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public long bytesRead() {
    return 0;
  }

  @Override
  protected void closeReadSource() {
    if (pending != null) {
      pending.close();
      pending = null;
    }
  }

  @Override
  protected Schema readSchema() {
    return schema;
  }
}
