package dev.metaxy.delta;

import dev.metaxy.definition.FeatureKey;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.lake.LakeScenario;
import dev.metaxy.lake.ParquetInterop;
import io.delta.kernel.Table;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.utils.CloseableIterator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delta tables the store writes are plain Delta + Parquet: the live files of the latest snapshot, listed by a
 * separate Delta Kernel reader (stock Hadoop configuration), read with DuckDB's {@code read_parquet}, hold exactly the
 * rows, columns and hashes the store returns, after soft deletes, hard deletes and later appends.
 */
class DeltaDuckDbInteropTest {
    @Test
    void duckDbReadsTheLiveFilesOfEachSnapshot(@TempDir Path dir) throws Exception {
        DeltaMetadataStore store = DeltaMetadataStore.builder(LakeScenario.graph(), dir).hashAlgorithm(HashAlgorithm.XXHASH64).build();
        Engine engine = DefaultEngine.create(new Configuration());
        ParquetInterop.runScenario(store, feature -> liveFiles(engine, dir.resolve(String.join("/", FeatureKey.of(feature).parts()) + ".delta")));
    }

    private static List<Path> liveFiles(Engine engine, Path table) {
        List<Path> out = new ArrayList<>();
        var scan = Table.forPath(engine, table.toString()).getLatestSnapshot(engine).getScanBuilder().build();
        try (CloseableIterator<FilteredColumnarBatch> batches = scan.getScanFiles(engine)) {
            while (batches.hasNext()) {
                try (CloseableIterator<Row> rows = batches.next().getRows()) {
                    while (rows.hasNext()) {
                        String path = InternalScanFileUtils.getAddFileStatus(rows.next()).getPath();
                        out.add(path.startsWith("file:") ? Path.of(URI.create(path)) : Path.of(path));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
