package dev.metaxy.delta;

import dev.metaxy.definition.FeatureKey;
import dev.metaxy.lake.DuckDbParquet;
import dev.metaxy.lake.LakeFileSystem;
import dev.metaxy.lake.ParquetTableStorage;
import dev.metaxy.store.MetadataStoreException;
import io.delta.kernel.Operation;
import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.delta.kernel.Transaction;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.ConcurrentWriteException;
import io.delta.kernel.exceptions.MaxCommitRetryLimitReachedException;
import io.delta.kernel.exceptions.TableAlreadyExistsException;
import io.delta.kernel.exceptions.TableNotFoundException;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.actions.AddFile;
import io.delta.kernel.internal.actions.SingleAction;
import io.delta.kernel.statistics.DataFileStatistics;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterable;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;
import io.delta.kernel.utils.FileStatus;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * One Delta table per feature under a root, written and read through Delta Kernel's default engine (Hadoop file
 * systems: local or S3A). Data files are written by DuckDB and committed with Delta Kernel; no deletion vectors.
 */
final class DeltaTableStorage extends ParquetTableStorage<DeltaTableStorage.DeltaSnapshot> {
    static final String ENGINE_INFO = "metaxy-java";
    /** A commit or checkpoint file of a Delta log: the table exists once its log has one. */
    private static final Pattern LOG_ENTRY = Pattern.compile("\\d{20}\\.(json|checkpoint.*\\.parquet)");

    /** A snapshot and the add-file entries of its live files, by absolute URI. */
    record DeltaSnapshot(Snapshot snapshot, Map<String, Row> addFiles) {
    }

    private final String root;
    private final DeltaMetadataStore.Layout layout;
    private final Engine engine;

    DeltaTableStorage(LakeFileSystem files, String root, DeltaMetadataStore.Layout layout) {
        super(files);
        this.root = root;
        this.layout = layout;
        this.engine = DefaultEngine.create(files.configuration());
    }

    @Override
    public String tableName(FeatureKey key) {
        return tableUri(key);
    }

    /** The table location: {@code <root>/<part1>/<part2>.delta} (nested) or {@code <root>/<a__b>.delta} (flat). */
    String tableUri(FeatureKey key) {
        String path = layout == DeltaMetadataStore.Layout.NESTED ? String.join("/", key.parts()) : key.tableName();
        return root + "/" + path + ".delta";
    }

    private Optional<Snapshot> snapshot(FeatureKey key) {
        try {
            return Optional.of(TableManager.loadSnapshot(tableUri(key)).build(engine));
        } catch (TableNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean exists(Connection conn, FeatureKey key) {
        // one listing of the log instead of a snapshot load (which also reads every commit since the last checkpoint)
        String log = tableUri(key) + "/_delta_log";
        try {
            RemoteIterator<LocatedFileStatus> entries = files.fileSystem(log).listFiles(new org.apache.hadoop.fs.Path(log), false);
            while (entries.hasNext()) {
                if (LOG_ENTRY.matcher(entries.next().getPath().getName()).matches()) {
                    return true;
                }
            }
            return false;
        } catch (FileNotFoundException e) {
            return false;
        } catch (IOException e) {
            throw new MetadataStoreException("Cannot list the log of Delta table " + tableUri(key) + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected LiveFiles<DeltaSnapshot> liveFiles(FeatureKey key) {
        Snapshot snap = snapshot(key).orElseThrow(() -> new MetadataStoreException("Delta table " + tableUri(key) + " does not exist"));
        Map<String, Row> adds = new LinkedHashMap<>();
        List<DataFile> out = new ArrayList<>();
        Scan scan = snap.getScanBuilder().build();
        String tableRoot = snap.getPath();
        try (CloseableIterator<FilteredColumnarBatch> batches = scan.getScanFiles(engine, true)) {
            while (batches.hasNext()) {
                try (CloseableIterator<Row> rows = batches.next().getRows()) {
                    while (rows.hasNext()) {
                        Row row = rows.next();
                        if (InternalScanFileUtils.getDeletionVectorDescriptorFromRow(row) != null) {
                            throw new MetadataStoreException("Delta table " + tableUri(key)
                                + " uses deletion vectors, which this store cannot read; rewrite the table without them");
                        }
                        FileStatus st = InternalScanFileUtils.getAddFileStatus(row);
                        String uri = absolute(tableRoot, st.getPath());
                        Row add = row.getStruct(InternalScanFileUtils.ADD_FILE_ORDINAL);
                        long records = -1;
                        if (!add.isNullAt(InternalScanFileUtils.ADD_FILE_STATS_ORDINAL)) {
                            records = DataFileStatistics.getNumRecords(add.getString(InternalScanFileUtils.ADD_FILE_STATS_ORDINAL)).orElse(-1L);
                        }
                        adds.put(uri, add);
                        out.add(new DataFile(uri, st.getSize(), records));
                    }
                }
            }
        } catch (IOException e) {
            throw new MetadataStoreException("Cannot list the files of Delta table " + tableUri(key) + ": " + e.getMessage(), e);
        }
        return new LiveFiles<>(new DeltaSnapshot(snap, adds), out, DeltaSchemas.toDuckDb(snap.getSchema()));
    }

    /** Scan-file paths are absolute URIs in current kernels; relative ones are resolved against the table root. */
    private static String absolute(String tableRoot, String path) {
        if (path.contains(":/") || path.startsWith("/")) {
            return path.startsWith("file:") ? URI.create(path).getPath() : path;
        }
        String base = tableRoot.endsWith("/") ? tableRoot : tableRoot + "/";
        return base + URI.create(path).getPath();
    }

    /** Rejects columns whose type contradicts the table's before any data file is written. */
    @Override
    public void append(Connection conn, FeatureKey key, String selectSql) throws java.sql.SQLException {
        Optional<Snapshot> snap = snapshot(key);
        if (snap.isPresent()) {
            DeltaSchemas.requireCompatible(snap.get().getSchema(), DuckDbParquet.arrowSchema(conn, selectSql), tableUri(key));
        }
        super.append(conn, key, selectSql);
    }

    @Override
    protected String newDataFileUri(FeatureKey key) {
        return tableUri(key) + "/part-00000-" + UUID.randomUUID() + "-c000.snappy.parquet";
    }

    /**
     * Commits the appended files as a new table version. Delta commits are optimistic: when another writer (another
     * process, or another store object) committed first, Kernel re-checks and retries blind appends itself, but a
     * lost race to create the table, or a concurrent schema change, surfaces as a conflict. Then the latest version
     * is read again, the incoming columns are checked against its schema, and the same (immutable) data files are
     * committed on top of it, up to {@link #MAX_COMMIT_ATTEMPTS} times with a short random back-off; after that the
     * write fails with an error saying the files were not committed (nothing was written).
     */
    @Override
    protected void commitAppend(FeatureKey key, Schema schema, List<DataFile> added) {
        StructType incoming = DeltaSchemas.fromArrow(schema);
        for (int attempt = 1; ; attempt++) {
            try {
                commit(key, appendTransaction(key, schema, incoming), List.of(), added);
                return;
            } catch (ConcurrentWriteException | TableAlreadyExistsException | MaxCommitRetryLimitReachedException e) {
                if (attempt >= MAX_COMMIT_ATTEMPTS) {
                    throw new MetadataStoreException("Cannot commit to Delta table " + tableUri(key) + ": " + MAX_COMMIT_ATTEMPTS
                        + " attempts lost to concurrent commits (last: " + e.getMessage() + "); the write's data files were not "
                        + "committed, so nothing was written", e);
                }
                backOff(attempt);
            }
        }
    }

    /** Attempts at committing one append before giving up (each re-reads the latest table version). */
    static final int MAX_COMMIT_ATTEMPTS = 25;

    private Transaction appendTransaction(FeatureKey key, Schema arrow, StructType incoming) {
        Optional<Snapshot> snap = snapshot(key);
        if (snap.isEmpty()) {
            return TableManager.buildCreateTableTransaction(tableUri(key), incoming, ENGINE_INFO).build(engine);
        }
        StructType current = snap.get().getSchema();
        DeltaSchemas.requireCompatible(current, arrow, tableUri(key)); // a concurrent writer may have created it differently
        StructType merged = DeltaSchemas.merge(current, incoming);
        var builder = snap.get().buildUpdateTableTransaction(ENGINE_INFO, Operation.WRITE);
        if (merged != current) {
            builder = builder.withUpdatedSchema(merged);
        }
        return builder.build(engine);
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(5, 20L + 10L * Math.min(attempt, 10)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MetadataStoreException("Interrupted while retrying a Delta commit", e);
        }
    }

    /** A rewrite (hard delete) is planned against one version: a conflicting concurrent commit fails it cleanly. */
    @Override
    protected void commitRewrite(FeatureKey key, DeltaSnapshot snapshot, List<DataFile> removed, List<DataFile> added) {
        try {
            rewrite(key, snapshot, removed, added);
        } catch (ConcurrentWriteException | TableAlreadyExistsException | MaxCommitRetryLimitReachedException e) {
            throw new MetadataStoreException("Cannot delete from Delta table " + tableUri(key) + ": a concurrent commit changed "
                + "the files this delete rewrites (" + e.getMessage() + "); nothing was deleted, run the delete again", e);
        }
    }

    private void rewrite(FeatureKey key, DeltaSnapshot snapshot, List<DataFile> removed, List<DataFile> added) {
        Transaction txn = snapshot.snapshot().buildUpdateTableTransaction(ENGINE_INFO, Operation.WRITE).build(engine);
        List<Row> removes = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (DataFile f : removed) {
            Row add = snapshot.addFiles().get(f.uri());
            removes.add(SingleAction.createRemoveFileSingleAction(new AddFile(add).toRemoveFileRow(true, Optional.of(now))));
        }
        commit(key, txn, removes, added);
    }

    private void commit(FeatureKey key, Transaction txn, List<Row> removes, List<DataFile> added) {
        Row state = txn.getTransactionState(engine);
        List<Row> actions = new ArrayList<>(removes);
        if (!added.isEmpty()) {
            List<DataFileStatus> statuses = new ArrayList<>();
            long now = System.currentTimeMillis();
            for (DataFile f : added) {
                DataFileStatistics stats = new DataFileStatistics(f.rowCount(), Map.of(), Map.of(), Map.of(), Optional.empty());
                statuses.add(new DataFileStatus(qualified(f.uri()), f.sizeBytes(), now, Optional.of(stats)));
            }
            var context = Transaction.getWriteContext(engine, state, Map.of());
            try (CloseableIterator<Row> rows = Transaction.generateAppendActions(engine, state, iterator(statuses.iterator()), context)) {
                rows.forEachRemaining(actions::add);
            } catch (IOException e) {
                throw new MetadataStoreException("Cannot prepare the Delta commit of " + tableUri(key) + ": " + e.getMessage(), e);
            }
        }
        try {
            txn.commit(engine, CloseableIterable.inMemoryIterable(iterator(actions.iterator())));
        } catch (ConcurrentWriteException | TableAlreadyExistsException | MaxCommitRetryLimitReachedException e) {
            throw e; // the caller decides whether to retry
        } catch (RuntimeException e) {
            throw new MetadataStoreException("Cannot commit to Delta table " + tableUri(key) + ": " + e.getMessage(), e);
        }
    }

    private static String qualified(String uri) {
        return LakeFileSystem.isRemote(uri) || uri.startsWith("file:") ? uri : "file:" + uri;
    }

    private static <T> CloseableIterator<T> iterator(Iterator<T> it) {
        return new CloseableIterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public T next() {
                return it.next();
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void drop(Connection conn, FeatureKey key) throws java.sql.SQLException {
        // like the reference (delta-rs delete without predicate): all rows go, the table stays
        if (exists(conn, key)) {
            deleteWhere(conn, key, null);
        }
    }

    String root() {
        return root;
    }
}
