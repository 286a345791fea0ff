package dev.metaxy.reliability;

import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.statistics.DataFileStatistics;
import io.delta.kernel.utils.CloseableIterator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;

/**
 * The census of a Delta root taken with Delta Kernel itself, not through the store: every directory holding a
 * {@code _delta_log} is a table ({@code <root>/a/b.delta} is {@code a__b}); its rows are the record counts of the
 * latest snapshot's live files, its version the latest commit.
 */
final class DeltaCensus {
    private static final Engine ENGINE = DefaultEngine.create(new Configuration());

    private DeltaCensus() {
    }

    static TableCensus take(Path root) {
        Map<String, Long> rows = new TreeMap<>();
        Map<String, Long> versions = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return new TableCensus(rows, versions);
        }
        List<Path> logs;
        try (Stream<Path> walk = Files.walk(root)) {
            logs = walk.filter(p -> p.getFileName().toString().equals("_delta_log") && Files.isDirectory(p)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path log : logs) {
            Path table = log.getParent();
            String name = root.relativize(table).toString().replaceAll("\\.delta$", "").replace("/", "__");
            Snapshot snap = TableManager.loadSnapshot(table.toString()).build(ENGINE);
            versions.put(name, snap.getVersion());
            rows.put(name, liveRows(snap));
        }
        return new TableCensus(rows, versions);
    }

    private static long liveRows(Snapshot snap) {
        long n = 0;
        try (CloseableIterator<FilteredColumnarBatch> batches = snap.getScanBuilder().build().getScanFiles(ENGINE, true)) {
            while (batches.hasNext()) {
                try (CloseableIterator<Row> files = batches.next().getRows()) {
                    while (files.hasNext()) {
                        Row add = files.next().getStruct(InternalScanFileUtils.ADD_FILE_ORDINAL);
                        String stats = add.isNullAt(InternalScanFileUtils.ADD_FILE_STATS_ORDINAL) ? null
                            : add.getString(InternalScanFileUtils.ADD_FILE_STATS_ORDINAL);
                        n += DataFileStatistics.getNumRecords(stats == null ? "{}" : stats)
                            .orElseThrow(() -> new IllegalStateException("a data file of " + snap.getPath() + " has no record count"));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }
}
