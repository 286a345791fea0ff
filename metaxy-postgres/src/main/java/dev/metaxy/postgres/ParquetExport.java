package dev.metaxy.postgres;

import dev.metaxy.frame.Frame;
import dev.metaxy.store.MetadataStoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * Parquet export of collected results. PostgreSQL cannot write Parquet, so the frame goes through an in-memory
 * DuckDB ({@code org.duckdb:duckdb_jdbc} and {@code arrow-c-data}, optional dependencies of this module).
 */
final class ParquetExport {
    private ParquetExport() {
    }

    static void write(Frame frame, Path file) {
        try {
            Class.forName("org.duckdb.DuckDBConnection");
        } catch (ClassNotFoundException e) {
            throw new UnsupportedOperationException("Writing Parquet from the PostgreSQL store needs org.duckdb:duckdb_jdbc "
                + "on the classpath; use writeArrowIpc or collect() otherwise");
        }
        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:");
             ArrowReader reader = frame.reader();
             ArrowArrayStream stream = ArrowArrayStream.allocateNew(Frame.allocator())) {
            Data.exportArrayStream(Frame.allocator(), reader, stream);
            conn.unwrap(org.duckdb.DuckDBConnection.class).registerArrowStream("__metaxy_export", stream);
            try (Statement st = conn.createStatement()) {
                st.execute("COPY (SELECT * FROM __metaxy_export) TO '" + file.toAbsolutePath().toString().replace("'", "''")
                    + "' (FORMAT PARQUET)");
            }
        } catch (SQLException | IOException e) {
            throw new MetadataStoreException("Cannot write Parquet file " + file + ": " + e.getMessage(), e);
        }
    }
}
