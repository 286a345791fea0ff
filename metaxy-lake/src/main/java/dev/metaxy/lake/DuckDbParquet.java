package dev.metaxy.lake;

import dev.metaxy.frame.Frame;
import dev.metaxy.store.MetadataStoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;
import org.duckdb.DuckDBResultSet;

/** DuckDB SQL around Parquet files: writing query results, reading file lists, and the Arrow schema of a query. */
public final class DuckDbParquet {
    private DuckDbParquet() {
    }

    /** A DuckDB string literal. */
    public static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** A double-quoted DuckDB identifier. */
    public static String ident(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    /** Writes the rows of {@code selectSql} to a Parquet file and returns the row count. */
    public static long copyToParquet(Connection conn, String selectSql, Path file) throws SQLException {
        return copyToParquet(conn, selectSql, file, "");
    }

    /** As {@link #copyToParquet(Connection, String, Path)} with extra COPY options (e.g. {@code , FIELD_IDS {...}}). */
    public static long copyToParquet(Connection conn, String selectSql, Path file, String extraOptions) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("COPY (" + selectSql + ") TO " + literal(file.toString()) + " (FORMAT PARQUET" + extraOptions + ")");
        }
        return rowCount(conn, file.toString());
    }

    /** The number of rows in a Parquet file, from its footer. */
    public static long rowCount(Connection conn, String file) throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT coalesce(sum(num_rows), 0) FROM parquet_file_metadata(" + literal(file) + ")")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** {@code read_parquet([...], union_by_name = true)} over local files (at least one). */
    public static String readParquet(List<String> localFiles) {
        List<String> lits = new ArrayList<>();
        localFiles.forEach(f -> lits.add(literal(f)));
        return "read_parquet([" + String.join(", ", lits) + "], union_by_name = true)";
    }

    /** A zero-row relation with the given DuckDB column types, in order. */
    public static String emptyRelation(Map<String, String> duckdbTypes) {
        List<String> items = new ArrayList<>();
        duckdbTypes.forEach((c, t) -> items.add("CAST(NULL AS " + t + ") AS " + ident(c)));
        if (items.isEmpty()) {
            items.add("NULL AS " + ident("__empty"));
        }
        return "(SELECT " + String.join(", ", items) + " WHERE false)";
    }

    /** The Arrow schema of a query's result (the query is not run beyond planning). */
    public static Schema arrowSchema(Connection conn, String selectSql) throws SQLException {
        try (Statement st = conn.createStatement();
             DuckDBResultSet rs = st.executeQuery("SELECT * FROM (" + selectSql + ") AS q LIMIT 0").unwrap(DuckDBResultSet.class);
             ArrowReader reader = (ArrowReader) rs.arrowExportStream(Frame.allocator(), 1024)) {
            return reader.getVectorSchemaRoot().getSchema();
        } catch (IOException e) {
            throw new MetadataStoreException("Cannot read the schema of a DuckDB query: " + e.getMessage(), e);
        }
    }
}
