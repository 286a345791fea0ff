package dev.metaxy.iceberg.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.StoreSuite;

/** Every topic of the store contract on an Iceberg store (local directory, SQLite catalog). */
class IcebergStoreSuiteTest extends StoreSuite {
    @Override
    protected ContractStores stores() {
        return IcebergContractStores.LOCAL;
    }
}
