package dev.metaxy.frame;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A materialised table of Arrow data. A frame owns its {@link VectorSchemaRoot} and must be closed; every method
 * that returns a new frame copies the data, so the result is independent of its source. Values convert to and
 * from Java objects as described in {@link FrameValues}; schemas are inferred as described in
 * {@link FrameSchemas}.
 */
public final class Frame implements AutoCloseable {

  private static final BufferAllocator ALLOCATOR = new RootAllocator(Long.MAX_VALUE);

  private final VectorSchemaRoot root;
  private boolean closed;

  private Frame(VectorSchemaRoot root) {
    this.root = root;
  }

  /** The shared allocator used for all frames of the library. */
  public static BufferAllocator allocator() {
    return ALLOCATOR;
  }

  /** Wraps {@code root}, taking ownership of it: closing the frame closes the root. */
  public static Frame of(VectorSchemaRoot root) {
    return new Frame(Objects.requireNonNull(root, "root"));
  }

  /** A frame with the given schema and no rows. */
  public static Frame empty(Schema schema) {
    return fromRows(schema, List.of());
  }

  /** Builds a frame from rows, inferring the schema with {@link FrameSchemas#infer(List)}. */
  public static Frame fromRows(List<? extends Map<String, ?>> rows) {
    return fromRows(FrameSchemas.infer(rows), rows);
  }

  /**
   * Builds a frame with an explicit schema; keys missing from a row become null, keys outside the schema and
   * values that do not fit their column raise {@link IllegalArgumentException}.
   */
  public static Frame fromRows(Schema schema, List<? extends Map<String, ?>> rows) {
    VectorSchemaRoot root = VectorSchemaRoot.create(schema, ALLOCATOR);
    try {
      root.allocateNew();
      List<FieldVector> vectors = root.getFieldVectors();
      for (int row = 0; row < rows.size(); row++) {
        Map<String, ?> values = rows.get(row);
        for (String key : values.keySet()) {
          if (root.getVector(key) == null) {
            throw new IllegalArgumentException(
                "Row " + row + " has column '" + key + "', which is not in the schema " + names(schema));
          }
        }
        for (FieldVector vector : vectors) {
          Object value = values.get(vector.getName());
          try {
            FrameValues.write(vector, row, value);
          } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException(
                "Column '" + vector.getName() + "', row " + row + ": " + e.getMessage(), e);
          }
        }
      }
      root.setRowCount(rows.size());
      return new Frame(root);
    } catch (RuntimeException e) {
      root.close();
      throw e;
    }
  }

  /** Builds a frame from Java records, one column per record component (by name), inferring the schema. */
  public static Frame fromRecords(List<? extends Record> records) {
    List<Map<String, Object>> rows = new ArrayList<>(records.size());
    for (Record record : records) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        try {
          var accessor = component.getAccessor();
          accessor.setAccessible(true);
          row.put(component.getName(), accessor.invoke(record));
        } catch (ReflectiveOperationException e) {
          throw new IllegalArgumentException("cannot read record component " + component.getName(), e);
        }
      }
      rows.add(row);
    }
    return fromRows(rows);
  }

  /**
   * Appends frames into a new frame with the first frame's schema; the others must have the same column names in
   * any order and values that fit the first frame's types. The inputs stay open.
   */
  public static Frame concat(List<Frame> frames) {
    if (frames.isEmpty()) {
      throw new IllegalArgumentException("concat needs at least one frame");
    }
    Schema schema = frames.get(0).schema();
    Set<String> expected = new LinkedHashSet<>(names(schema));
    for (int i = 1; i < frames.size(); i++) {
      Set<String> actual = new LinkedHashSet<>(frames.get(i).columnNames());
      if (!actual.equals(expected)) {
        throw new IllegalArgumentException("Frame " + i + " has columns " + actual + " but frame 0 has " + expected);
      }
    }
    if (frames.stream().allMatch(f -> f.schema().equals(schema))) {
      VectorSchemaRoot target = VectorSchemaRoot.create(schema, ALLOCATOR);
      try {
        VectorSchemaRoot[] roots = frames.stream().map(Frame::live).toArray(VectorSchemaRoot[]::new);
        BatchCapacity.presize(target, List.of(roots));
        target.allocateNew();
        org.apache.arrow.vector.util.VectorSchemaRootAppender.append(false, target, roots);
        return new Frame(target);
      } catch (RuntimeException e) {
        target.close();
        throw e;
      }
    }
    VectorSchemaRoot target = VectorSchemaRoot.create(schema, ALLOCATOR);
    try {
      target.allocateNew();
      int offset = 0;
      for (Frame frame : frames) {
        append(target, offset, frame.live());
        offset += frame.rowCount();
      }
      target.setRowCount(offset);
      return new Frame(target);
    } catch (RuntimeException e) {
      target.close();
      throw e;
    }
  }

  /** Reads an Arrow IPC file (all record batches) into one frame. */
  public static Frame readArrowIpc(Path file) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        ArrowFileReader reader = new ArrowFileReader(channel, ALLOCATOR)) {
      VectorSchemaRoot source = reader.getVectorSchemaRoot();
      VectorSchemaRoot target = VectorSchemaRoot.create(source.getSchema(), ALLOCATOR);
      try {
        target.allocateNew();
        int offset = 0;
        for (ArrowBlock block : reader.getRecordBlocks()) {
          reader.loadRecordBatch(block);
          append(target, offset, source);
          offset += source.getRowCount();
        }
        target.setRowCount(offset);
        return new Frame(target);
      } catch (IOException | RuntimeException e) {
        target.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read Arrow IPC file " + file, e);
    }
  }

  /** Writes this frame as an Arrow IPC file (one record batch), replacing any existing file. */
  public void writeArrowIpc(Path file) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING);
        ArrowFileWriter writer = new ArrowFileWriter(live(), null, channel)) {
      writer.start();
      writer.writeBatch();
      writer.end();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write Arrow IPC file " + file, e);
    }
  }

  /** A reader streaming this frame's data as one batch; it stays valid after the frame is closed. Close it. */
  public ArrowReader reader() {
    return new FrameArrowReader(ALLOCATOR, live());
  }

  public Schema schema() {
    return live().getSchema();
  }

  public List<String> columnNames() {
    return names(schema());
  }

  public boolean hasColumn(String name) {
    return live().getVector(name) != null;
  }

  public int rowCount() {
    return live().getRowCount();
  }

  /** The underlying root, still owned by this frame: do not close it or keep it past {@link #close()}. */
  public VectorSchemaRoot root() {
    return live();
  }

  /** The Java value at {@code row} in {@code column}. */
  public Object value(int row, String column) {
    Objects.checkIndex(row, rowCount());
    return FrameValues.read(vector(column), row);
  }

  /** All rows as maps in column order. */
  public List<Map<String, Object>> toRows() {
    List<FieldVector> vectors = live().getFieldVectors();
    List<Map<String, Object>> rows = new ArrayList<>(rowCount());
    for (int row = 0; row < rowCount(); row++) {
      Map<String, Object> values = new LinkedHashMap<>();
      for (FieldVector vector : vectors) {
        values.put(vector.getName(), FrameValues.read(vector, row));
      }
      rows.add(values);
    }
    return rows;
  }

  /** A copy holding only {@code columns}, in that order. */
  public Frame select(List<String> columns) {
    List<String> missing = columns.stream().filter(c -> !hasColumn(c)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("Unknown columns " + missing + "; the frame has " + columnNames());
    }
    List<Field> fields = columns.stream().map(c -> live().getVector(c).getField()).toList();
    return copy(new Schema(fields), 0, rowCount());
  }

  /** A copy of rows {@code start} to {@code start + length - 1}. */
  public Frame slice(int start, int length) {
    Objects.checkFromIndexSize(start, length, rowCount());
    return copy(schema(), start, length);
  }

  /** Releases the Arrow buffers; further use throws {@link IllegalStateException}. Idempotent. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      root.close();
    }
  }

  @Override
  public String toString() {
    return closed ? "Frame[closed]" : "Frame" + columnNames() + "[" + rowCount() + " rows]";
  }

  private VectorSchemaRoot live() {
    if (closed) {
      throw new IllegalStateException("frame is closed");
    }
    return root;
  }

  private FieldVector vector(String column) {
    FieldVector vector = live().getVector(column);
    if (vector == null) {
      throw new IllegalArgumentException("Unknown column '" + column + "'; the frame has " + columnNames());
    }
    return vector;
  }

  private Frame copy(Schema schema, int start, int length) {
    VectorSchemaRoot target = VectorSchemaRoot.create(schema, ALLOCATOR);
    try {
      target.allocateNew();
      for (FieldVector to : target.getFieldVectors()) {
        FieldVector from = live().getVector(to.getName());
        if (to instanceof org.apache.arrow.vector.NullVector) {
          continue; // all-null column (e.g. a JSON Lines key that is always null): only the row count matters
        }
        for (int i = 0; i < length; i++) {
          to.copyFromSafe(start + i, i, from);
        }
      }
      target.setRowCount(length);
      return new Frame(target);
    } catch (RuntimeException e) {
      target.close();
      throw e;
    }
  }

  /** Appends all rows of {@code source} at {@code offset}, copying when types match and converting otherwise. */
  private static void append(VectorSchemaRoot target, int offset, VectorSchemaRoot source) {
    int rows = source.getRowCount();
    for (FieldVector to : target.getFieldVectors()) {
      FieldVector from = source.getVector(to.getName());
      boolean sameType = from.getField().equals(to.getField());
      for (int i = 0; i < rows; i++) {
        if (sameType) {
          to.copyFromSafe(i, offset + i, from);
        } else {
          try {
            FrameValues.write(to, offset + i, FrameValues.read(from, i));
          } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException("Column '" + to.getName() + "': " + e.getMessage(), e);
          }
        }
      }
    }
  }

  private static List<String> names(Schema schema) {
    return schema.getFields().stream().map(Field::getName).toList();
  }
}
