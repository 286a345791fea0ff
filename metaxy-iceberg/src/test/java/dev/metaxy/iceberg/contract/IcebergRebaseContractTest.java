package dev.metaxy.iceberg.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.RebaseContract;

/** The Rebase contract on an Iceberg store (local warehouse, SQLite catalog). */
class IcebergRebaseContractTest extends RebaseContract {
    @Override
    protected ContractStores stores() {
        return IcebergContractStores.LOCAL;
    }
}
