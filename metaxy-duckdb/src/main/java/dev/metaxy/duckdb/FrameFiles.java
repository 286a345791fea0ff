package dev.metaxy.duckdb;

import dev.metaxy.frame.Frame;
import dev.metaxy.store.MetadataStoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Reads and writes frames as Parquet, CSV or JSON Lines (through an embedded in-memory DuckDB) and Arrow IPC,
 * chosen by file extension: {@code .parquet}, {@code .csv}, {@code .jsonl}/{@code .ndjson}, {@code .arrow}/{@code .ipc}.
 */
public final class FrameFiles {
    private FrameFiles() {
    }

    /** The format of {@code file}, from its extension. */
    public enum Format { PARQUET, CSV, JSONL, ARROW_IPC }

    public static Format formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".parquet")) {
            return Format.PARQUET;
        }
        if (name.endsWith(".csv")) {
            return Format.CSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return Format.JSONL;
        }
        if (name.endsWith(".arrow") || name.endsWith(".ipc") || name.endsWith(".feather")) {
            return Format.ARROW_IPC;
        }
        throw new IllegalArgumentException("Unsupported file type '" + file.getFileName()
            + "': use .parquet, .csv, .jsonl/.ndjson or .arrow/.ipc");
    }

    /** Writes {@code frame} to {@code file} in the format its extension names. */
    public static void write(Frame frame, Path file) {
        Format format = formatOf(file);
        if (format == Format.ARROW_IPC) {
            frame.writeArrowIpc(file);
            return;
        }
        String options = switch (format) {
            case PARQUET -> "(FORMAT PARQUET)";
            case CSV -> "(FORMAT CSV, HEADER)";
            default -> "(FORMAT JSON)";
        };
        withMemoryDb(conn -> {
            String table = ArrowImport.toTempTable(conn, frame, "export");
            try (Statement st = conn.createStatement()) {
                st.execute("COPY \"" + table + "\" TO " + literal(file) + " " + options);
            }
            return null;
        });
    }

    /** Reads {@code file} (by extension) into a frame; a file that is not of its claimed format is a clear error. */
    public static Frame read(Path file) {
        Format format = formatOf(file);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No such file: " + file);
        }
        if (format == Format.ARROW_IPC) {
            return Frame.readArrowIpc(file);
        }
        String reader = switch (format) {
            case PARQUET -> "read_parquet(" + literal(file) + ")";
            case CSV -> "read_csv(" + literal(file) + ", header = true)";
            default -> "read_json(" + literal(file) + ", format = 'newline_delimited')";
        };
        try {
            return withMemoryDb(conn -> ArrowImport.collect(conn, "SELECT * FROM " + reader));
        } catch (MetadataStoreException e) {
            throw new IllegalArgumentException("Cannot read " + file + " as " + format + ": " + e.getCause().getMessage(), e);
        }
    }

    private static String literal(Path file) {
        return DuckDbDialect.STRUCT.stringLiteral(file.toAbsolutePath().toString());
    }

    private interface Work<T> {
        T run(Connection conn) throws SQLException;
    }

    private static <T> T withMemoryDb(Work<T> work) {
        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:")) {
            return work.run(conn);
        } catch (SQLException e) {
            throw new MetadataStoreException(e.getMessage(), e);
        }
    }
}
