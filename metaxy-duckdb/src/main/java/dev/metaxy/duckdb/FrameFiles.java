package dev.metaxy.duckdb;

import dev.metaxy.frame.Frame;
import dev.metaxy.store.MetadataStoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
        return read(file, Set.of());
    }

    /**
     * Like {@link #read(Path)}, but CSV columns named in {@code textColumns} (when present) are read as text instead of
     * sniffed, so digit-only hashes and versions stay strings. Other formats carry their own types.
     */
    public static Frame read(Path file, Set<String> textColumns) {
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
            return withMemoryDb(conn -> ArrowImport.collect(conn, "SELECT * FROM "
                + (format == Format.CSV ? csvReader(conn, file, textColumns) : reader)));
        } catch (MetadataStoreException e) {
            throw new IllegalArgumentException("Cannot read " + file + " as " + format + ": " + e.getCause().getMessage(), e);
        }
    }

    private static String csvReader(Connection conn, Path file, Set<String> textColumns) throws SQLException {
        List<String> text = new ArrayList<>();
        if (!textColumns.isEmpty()) {
            try (Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery("SELECT * FROM read_csv(" + literal(file) + ", header = true) LIMIT 0")) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    String name = rs.getMetaData().getColumnName(i);
                    if (textColumns.contains(name)) {
                        text.add(DuckDbDialect.STRUCT.stringLiteral(name) + ": 'VARCHAR'");
                    }
                }
            }
        }
        return "read_csv(" + literal(file) + ", header = true" + (text.isEmpty() ? "" : ", types = {" + String.join(", ", text) + "}") + ")";
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
