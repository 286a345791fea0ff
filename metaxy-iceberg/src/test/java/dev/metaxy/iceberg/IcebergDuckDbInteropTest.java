package dev.metaxy.iceberg;

import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.lake.LakeScenario;
import dev.metaxy.lake.ParquetInterop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Iceberg tables the store writes are plain Iceberg + Parquet: the data files of the current snapshot, planned by a
 * separate Iceberg catalog client over the store's SQLite catalog, read with DuckDB's {@code read_parquet}, hold
 * exactly the rows, columns and hashes the store returns, after soft deletes, hard deletes and later appends; and
 * the snapshots never carry delete files.
 */
class IcebergDuckDbInteropTest {
    @Test
    void duckDbReadsTheDataFilesOfEachSnapshot(@TempDir Path dir) throws Exception {
        IcebergMetadataStore store = IcebergMetadataStore.builder(LakeScenario.graph(), dir).hashAlgorithm(HashAlgorithm.XXHASH64).build();
        JdbcCatalog catalog = new JdbcCatalog();
        catalog.setConf(new Configuration());
        catalog.initialize("metaxy", Map.of("uri", "jdbc:sqlite:" + dir.resolve("catalog.db"), "warehouse", "file:" + dir,
            "jdbc.schema-version", "V1"));
        try {
            ParquetInterop.runScenario(store, feature -> dataFiles(catalog.loadTable(TableIdentifier.parse(store.identifier(feature)))));
        } finally {
            catalog.close();
        }
    }

    private static List<Path> dataFiles(Table table) {
        List<Path> out = new ArrayList<>();
        try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
            for (FileScanTask task : tasks) {
                if (!task.deletes().isEmpty()) {
                    throw new AssertionError("unexpected delete files in " + table.name() + ": " + task.deletes());
                }
                String location = task.file().location();
                out.add(location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
