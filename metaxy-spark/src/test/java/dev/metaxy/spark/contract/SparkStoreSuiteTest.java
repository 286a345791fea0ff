package dev.metaxy.spark.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.StoreSuite;

/** Every topic of the store contract on a Spark store over Delta tables (shared local session). */
class SparkStoreSuiteTest extends StoreSuite {
    @Override
    protected ContractStores stores() {
        return SparkContractStores.DELTA;
    }
}
