package dev.metaxy.iceberg.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.FallbackContract;

/** The Fallback contract on an Iceberg store (local warehouse, SQLite catalog). */
class IcebergFallbackContractTest extends FallbackContract {
    @Override
    protected ContractStores stores() {
        return IcebergContractStores.LOCAL;
    }
}
