package dev.metaxy.iceberg.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.ReadContract;

/** The Read contract on an Iceberg store (local warehouse, SQLite catalog). */
class IcebergReadContractTest extends ReadContract {
    @Override
    protected ContractStores stores() {
        return IcebergContractStores.LOCAL;
    }
}
