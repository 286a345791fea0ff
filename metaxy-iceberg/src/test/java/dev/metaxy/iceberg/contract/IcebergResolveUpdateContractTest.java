package dev.metaxy.iceberg.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.ResolveUpdateContract;

/** The ResolveUpdate contract on an Iceberg store (local warehouse, SQLite catalog). */
class IcebergResolveUpdateContractTest extends ResolveUpdateContract {
    @Override
    protected ContractStores stores() {
        return IcebergContractStores.LOCAL;
    }
}
