package dev.metaxy.iceberg.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.CopyContract;

/** The Copy contract on an Iceberg store (local warehouse, SQLite catalog). */
class IcebergCopyContractTest extends CopyContract {
    @Override
    protected ContractStores stores() {
        return IcebergContractStores.LOCAL;
    }
}
