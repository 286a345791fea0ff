package dev.metaxy.iceberg.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.LifecycleContract;

/** The Lifecycle contract on an Iceberg store (local warehouse, SQLite catalog). */
class IcebergLifecycleContractTest extends LifecycleContract {
    @Override
    protected ContractStores stores() {
        return IcebergContractStores.LOCAL;
    }
}
