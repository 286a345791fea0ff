package dev.metaxy.spark.interop;

import static dev.metaxy.spark.interop.InteropChecks.GRAPH;
import static dev.metaxy.spark.interop.InteropChecks.assertNothingToDo;
import static dev.metaxy.spark.interop.InteropChecks.assertReadsTheSame;
import static dev.metaxy.spark.interop.InteropChecks.assertSameIncrement;
import static dev.metaxy.spark.interop.InteropChecks.changeOneRoot;
import static dev.metaxy.spark.interop.InteropChecks.writeRootAndChild;

import dev.metaxy.iceberg.IcebergMetadataStore;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.spark.SparkMetadataStore;
import dev.metaxy.spark.SparkTestSession;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark store (format iceberg) and the storage-only Iceberg store (iceberg-core, module metaxy-iceberg) share
 * tables: the same warehouse, SQLite catalog ({@code <warehouse>/catalog.db}) and identifiers {@code metaxy.a__b}
 * (metadata-store §11.7). What one writes the other reads with the same rows, columns and hashes, resolving against
 * the other's tables yields nothing to do, and after an append by one both compute the same increment. Both directions.
 */
class IcebergInteropTest {
    @TempDir
    Path dir;

    private SparkMetadataStore sparkIceberg(String catalog, Path warehouse) {
        SparkSession spark = SparkTestSession.withIcebergCatalog(catalog, warehouse);
        return SparkMetadataStore.builder(GRAPH).spark(spark).format(SparkMetadataStore.Format.ICEBERG).catalog(catalog)
            .hashAlgorithm(HashAlgorithm.XXHASH64).autoCreateTables(true).materializationId("spark").build();
    }

    private static IcebergMetadataStore iceberg(String catalog, Path warehouse) {
        return IcebergMetadataStore.builder(GRAPH, warehouse).catalogName(catalog).hashAlgorithm(HashAlgorithm.XXHASH64)
            .materializationId("iceberg").build();
    }

    @Test
    void sparkWritesIcebergTheIcebergStoreReads() {
        Path wh = dir.resolve("ice-1");
        writeRootAndChild(sparkIceberg("interop_a", wh));
        assertReadsTheSame(sparkIceberg("interop_a", wh), iceberg("interop_a", wh));
        assertNothingToDo(iceberg("interop_a", wh));
        // and the Iceberg store appends to Spark's table: a changed root sample is stale for both stores alike
        changeOneRoot(iceberg("interop_a", wh));
        assertSameIncrement(sparkIceberg("interop_a", wh), iceberg("interop_a", wh));
    }

    @Test
    void icebergStoreWritesTheSparkStoreReads() {
        Path wh = dir.resolve("ice-2");
        writeRootAndChild(iceberg("interop_b", wh));
        assertReadsTheSame(iceberg("interop_b", wh), sparkIceberg("interop_b", wh));
        assertNothingToDo(sparkIceberg("interop_b", wh));
        changeOneRoot(sparkIceberg("interop_b", wh));
        assertSameIncrement(sparkIceberg("interop_b", wh), iceberg("interop_b", wh));
    }
}
