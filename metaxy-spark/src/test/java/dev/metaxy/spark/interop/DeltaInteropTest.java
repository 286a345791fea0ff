package dev.metaxy.spark.interop;

import static dev.metaxy.spark.interop.InteropChecks.GRAPH;
import static dev.metaxy.spark.interop.InteropChecks.assertNothingToDo;
import static dev.metaxy.spark.interop.InteropChecks.assertReadsTheSame;
import static dev.metaxy.spark.interop.InteropChecks.assertSameIncrement;
import static dev.metaxy.spark.interop.InteropChecks.changeOneRoot;
import static dev.metaxy.spark.interop.InteropChecks.writeRootAndChild;

import dev.metaxy.delta.DeltaMetadataStore;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.spark.SparkMetadataStore;
import dev.metaxy.spark.SparkTestSession;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark store (format delta) and the storage-only Delta store (Delta Kernel, module metaxy-delta) share tables:
 * what one writes the other reads, with the same rows, columns and hashes, resolving against the other's tables yields
 * nothing to do, and after an append by one both compute the same increment. Both directions.
 */
class DeltaInteropTest {
    @TempDir
    Path dir;

    private final SparkSession spark = SparkTestSession.get();

    private SparkMetadataStore sparkDelta(Path root) {
        return SparkMetadataStore.builder(GRAPH).spark(spark).rootPath(root).hashAlgorithm(HashAlgorithm.XXHASH64)
            .autoCreateTables(true).materializationId("spark").build();
    }

    private static DeltaMetadataStore delta(Path root) {
        return DeltaMetadataStore.builder(GRAPH, root).hashAlgorithm(HashAlgorithm.XXHASH64).materializationId("kernel").build();
    }

    @Test
    void sparkWritesDeltaTheKernelStoreReads() {
        Path root = dir.resolve("delta-1");
        writeRootAndChild(sparkDelta(root));
        assertReadsTheSame(sparkDelta(root), delta(root));
        assertNothingToDo(delta(root));
    }

    @Test
    void kernelStoreWritesDeltaTheSparkStoreReads() {
        Path root = dir.resolve("delta-2");
        writeRootAndChild(delta(root));
        assertReadsTheSame(delta(root), sparkDelta(root));
        assertNothingToDo(sparkDelta(root));
        // and Spark appends to the kernel's table: a changed root sample is stale for both stores alike
        changeOneRoot(sparkDelta(root));
        assertSameIncrement(sparkDelta(root), delta(root));
    }

}
