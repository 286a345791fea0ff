package dev.metaxy.iceberg.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.StoreLookupContract;

/** The StoreLookup contract on an Iceberg store (local warehouse, SQLite catalog). */
class IcebergStoreLookupContractTest extends StoreLookupContract {
    @Override
    protected ContractStores stores() {
        return IcebergContractStores.LOCAL;
    }
}
