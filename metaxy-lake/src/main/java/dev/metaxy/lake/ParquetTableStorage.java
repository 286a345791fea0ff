package dev.metaxy.lake;

import dev.metaxy.definition.FeatureKey;
import dev.metaxy.duckdb.FeatureTableStorage;
import dev.metaxy.store.AccessMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The shared part of table-format storages (Delta Lake, Iceberg): a table is a snapshot's list of live Parquet
 * files. Reads hand DuckDB {@code read_parquet([...])} over those files (staged locally for object stores, see
 * {@link ParquetStaging}); appends let DuckDB write one Parquet file, upload it when the table is remote, and commit
 * it as a new table version; hard deletes rewrite each affected file without the deleted rows and commit the
 * removals and additions together (copy-on-write), so a concurrent reader always sees a complete version.
 *
 * @param <S> the format's snapshot handle (what a rewrite commits against)
 */
public abstract class ParquetTableStorage<S> implements FeatureTableStorage {
    /** A live data file of a snapshot. */
    public record DataFile(String uri, long sizeBytes, long rowCount) {
    }

    /** The live files of a table version, with the table's columns as DuckDB types (for empty tables). */
    public record LiveFiles<S>(S snapshot, List<DataFile> files, LinkedHashMap<String, String> duckdbColumns) {
    }

    protected final LakeFileSystem files;
    private ParquetStaging staging;

    protected ParquetTableStorage(LakeFileSystem files) {
        this.files = files;
    }

    @Override
    public void open(Connection conn, AccessMode mode) throws SQLException {
        staging = new ParquetStaging(files);
        try (Statement st = conn.createStatement()) {
            // data files are immutable: keep their footers across the many queries of one open store
            st.execute("SET parquet_metadata_cache = true");
        } catch (SQLException e) {
            // an older or newer DuckDB without the setting: only slower
        }
    }

    @Override
    public void close() {
        if (staging != null) {
            staging.close();
            staging = null;
        }
    }

    protected ParquetStaging staging() {
        if (staging == null) {
            staging = new ParquetStaging(files);
        }
        return staging;
    }

    /** The live files of the latest version of an existing table. */
    protected abstract LiveFiles<S> liveFiles(FeatureKey key);

    /** The URI of a new data file of the table (not yet existing). */
    protected abstract String newDataFileUri(FeatureKey key);

    /**
     * Commits {@code added} (possibly none) as an append, creating the table with {@code schema} when it does not
     * exist, and adding columns of {@code schema} the table lacks.
     */
    protected abstract void commitAppend(FeatureKey key, Schema schema, List<DataFile> added);

    /** Commits the removal of {@code removed} and the addition of {@code added} against {@code snapshot}. */
    protected abstract void commitRewrite(FeatureKey key, S snapshot, List<DataFile> removed, List<DataFile> added);

    /** Extra DuckDB COPY options for new data files of the table (default none), starting with a comma. */
    protected String copyOptions(FeatureKey key) {
        return "";
    }

    @Override
    public String relation(Connection conn, FeatureKey key) throws SQLException {
        LiveFiles<S> live = liveFiles(key);
        if (live.files().isEmpty()) {
            return DuckDbParquet.emptyRelation(live.duckdbColumns());
        }
        List<String> local = new ArrayList<>();
        for (DataFile f : live.files()) {
            local.add(staging().localFor(f.uri(), f.sizeBytes()));
        }
        return DuckDbParquet.readParquet(local);
    }

    @Override
    public void append(Connection conn, FeatureKey key, String selectSql) throws SQLException {
        Schema schema = DuckDbParquet.arrowSchema(conn, selectSql);
        DataFile written = writeFile(conn, key, selectSql);
        commitAppend(key, schema, written == null ? List.of() : List.of(written));
    }

    /** Writes the rows of {@code selectSql} as a new data file of the table; null when there are no rows. */
    protected DataFile writeFile(Connection conn, FeatureKey key, String selectSql) throws SQLException {
        String uri = newDataFileUri(key);
        boolean remote = LakeFileSystem.isRemote(uri);
        Path local = remote ? staging().newLocalFile(".parquet") : LakeFileSystem.localPath(uri);
        try {
            Files.createDirectories(local.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new SQLException("Cannot create " + local.getParent() + ": " + e.getMessage(), e);
        }
        long rows = DuckDbParquet.copyToParquet(conn, selectSql, local, copyOptions(key));
        long size;
        try {
            if (rows == 0) {
                Files.deleteIfExists(local);
                return null;
            }
            size = Files.size(local);
        } catch (IOException e) {
            throw new SQLException("Cannot inspect " + local + ": " + e.getMessage(), e);
        }
        if (remote) {
            files.upload(local, uri);
            staging().adopt(local, uri, size);
        }
        return new DataFile(uri, size, rows);
    }

    private static long rows(Connection conn, String local, DataFile f) throws SQLException {
        return f.rowCount() >= 0 ? f.rowCount() : DuckDbParquet.rowCount(conn, local);
    }

    @Override
    public long deleteWhere(Connection conn, FeatureKey key, String condition) throws SQLException {
        LiveFiles<S> live = liveFiles(key);
        if (live.files().isEmpty()) {
            return 0;
        }
        Map<String, DataFile> byLocal = new LinkedHashMap<>();
        for (DataFile f : live.files()) {
            byLocal.put(staging().localFor(f.uri(), f.sizeBytes()), f);
        }
        String source = DuckDbParquet.readParquet(new ArrayList<>(byLocal.keySet()));
        Map<String, Long> hits = new LinkedHashMap<>();
        if (condition == null) {
            for (Map.Entry<String, DataFile> e : byLocal.entrySet()) {
                hits.put(e.getKey(), rows(conn, e.getKey(), e.getValue()));
            }
        } else {
            try (Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery("SELECT filename, count(*) FROM " + source + " WHERE " + condition + " GROUP BY filename")) {
                while (rs.next()) {
                    hits.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        long deleted = 0;
        List<DataFile> removed = new ArrayList<>();
        List<DataFile> added = new ArrayList<>();
        for (Map.Entry<String, Long> hit : hits.entrySet()) {
            DataFile old = byLocal.get(hit.getKey());
            if (old == null || hit.getValue() == 0) {
                continue;
            }
            deleted += hit.getValue();
            removed.add(old);
            if (condition != null && hit.getValue() < rows(conn, hit.getKey(), old)) {
                DataFile rewritten = writeFile(conn, key, "SELECT * FROM " + source + " WHERE filename = "
                    + DuckDbParquet.literal(hit.getKey()) + " AND (" + condition + ") IS NOT TRUE");
                if (rewritten != null) {
                    added.add(rewritten);
                }
            }
        }
        if (!removed.isEmpty()) {
            commitRewrite(key, live.snapshot(), removed, added);
        }
        return deleted;
    }
}
