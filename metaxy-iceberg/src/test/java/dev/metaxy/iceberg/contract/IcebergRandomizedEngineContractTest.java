package dev.metaxy.iceberg.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.RandomizedEngineContract;

/** The RandomizedEngine contract on an Iceberg store (local warehouse, SQLite catalog). */
class IcebergRandomizedEngineContractTest extends RandomizedEngineContract {
    @Override
    protected ContractStores stores() {
        return IcebergContractStores.LOCAL;
    }
}
