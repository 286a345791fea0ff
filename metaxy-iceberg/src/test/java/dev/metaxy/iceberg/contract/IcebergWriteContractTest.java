package dev.metaxy.iceberg.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.WriteContract;

/** The Write contract on an Iceberg store (local warehouse, SQLite catalog). */
class IcebergWriteContractTest extends WriteContract {
    @Override
    protected ContractStores stores() {
        return IcebergContractStores.LOCAL;
    }
}
