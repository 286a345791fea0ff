package dev.metaxy.duckdb;

import dev.metaxy.frame.Frame;
import dev.metaxy.store.MetadataStoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBResultSet;

/** Moves Arrow frames into DuckDB (as temporary tables) and query results back out as frames, batch by batch. */
final class ArrowImport {
    private static final AtomicLong COUNTER = new AtomicLong();

    private ArrowImport() {
    }

    /** Copies {@code frame} into a new temporary table and returns its (unquoted) name. */
    static String toTempTable(Connection conn, Frame frame, String purpose) throws SQLException {
        String view = "__metaxy_arrow_" + COUNTER.incrementAndGet();
        String table = "__metaxy_" + purpose + "_" + COUNTER.incrementAndGet();
        try (ArrowReader reader = frame.reader();
             ArrowArrayStream stream = ArrowArrayStream.allocateNew(Frame.allocator())) {
            Data.exportArrayStream(Frame.allocator(), reader, stream);
            conn.unwrap(DuckDBConnection.class).registerArrowStream(view, stream);
            try (Statement st = conn.createStatement()) {
                st.execute("CREATE TEMP TABLE \"" + table + "\" AS SELECT * FROM \"" + view + "\"");
            }
        } catch (java.io.IOException e) {
            throw new MetadataStoreException("Cannot import Arrow data into DuckDB: " + e.getMessage(), e);
        }
        return table;
    }

    /** Runs {@code sql} and collects the result into one frame. */
    static Frame collect(Connection conn, String sql) throws SQLException {
        List<Frame> parts = new ArrayList<>();
        try (Statement st = conn.createStatement();
             DuckDBResultSet rs = st.executeQuery(sql).unwrap(DuckDBResultSet.class);
             ArrowReader reader = (ArrowReader) rs.arrowExportStream(Frame.allocator(), 65536)) {
            while (reader.loadNextBatch()) {
                parts.add(copyOf(reader));
            }
            if (parts.isEmpty()) {
                return Frame.empty(reader.getVectorSchemaRoot().getSchema());
            }
        } catch (java.io.IOException e) {
            parts.forEach(Frame::close);
            throw new MetadataStoreException("Cannot read Arrow data from DuckDB: " + e.getMessage(), e);
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        try {
            return Frame.concat(parts);
        } finally {
            parts.forEach(Frame::close);
        }
    }

    /** Runs {@code sql} and hands each batch, as a frame closed after the call, to {@code consumer}. */
    static void stream(Connection conn, String sql, int batchRows, java.util.function.Consumer<Frame> consumer) throws SQLException {
        try (Statement st = conn.createStatement();
             DuckDBResultSet rs = st.executeQuery(sql).unwrap(DuckDBResultSet.class);
             ArrowReader reader = (ArrowReader) rs.arrowExportStream(Frame.allocator(), batchRows)) {
            while (reader.loadNextBatch()) {
                try (Frame f = copyOf(reader)) {
                    consumer.accept(f);
                }
            }
        } catch (java.io.IOException e) {
            throw new MetadataStoreException("Cannot read Arrow data from DuckDB: " + e.getMessage(), e);
        }
    }

    private static Frame copyOf(ArrowReader reader) throws java.io.IOException {
        var root = reader.getVectorSchemaRoot();
        var copy = org.apache.arrow.vector.VectorSchemaRoot.create(root.getSchema(), Frame.allocator());
        for (int i = 0; i < root.getFieldVectors().size(); i++) {
            root.getVector(i).makeTransferPair(copy.getVector(i)).transfer();
        }
        copy.setRowCount(root.getRowCount());
        return Frame.of(copy);
    }
}
