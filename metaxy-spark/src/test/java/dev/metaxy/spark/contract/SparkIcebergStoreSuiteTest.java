package dev.metaxy.spark.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.StoreSuite;

/** The store contract on a Spark store over Iceberg tables (shared local session, SQLite catalog). */
@StoreSuite.Without(value = {"ResolveUpdate", "Fallback", "BufferedWriter", "RandomizedEngine", "StoreLookup", "ComputeProvenance",
    "Copy", "ExternalFeatures"}, reason = "the Iceberg format differs from Delta only in table access (Lifecycle, Write, "
    + "Read, Delete, Rebase, SystemTables run here); the increment and everything above it is the same Spark code, run by "
    + "SparkStoreSuiteTest, and kept off this suite to hold the Spark module within the CI budget")
class SparkIcebergStoreSuiteTest extends StoreSuite {
    @Override
    protected ContractStores stores() {
        return SparkContractStores.ICEBERG;
    }
}
