package dev.metaxy.iceberg.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.DeleteContract;

/** The Delete contract on an Iceberg store (local warehouse, SQLite catalog). */
class IcebergDeleteContractTest extends DeleteContract {
    @Override
    protected ContractStores stores() {
        return IcebergContractStores.LOCAL;
    }
}
