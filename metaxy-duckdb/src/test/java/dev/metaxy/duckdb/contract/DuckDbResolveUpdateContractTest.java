package dev.metaxy.duckdb.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.ResolveUpdateContract;

/** The ResolveUpdate contract on a DuckDB file store. */
class DuckDbResolveUpdateContractTest extends ResolveUpdateContract {
    @Override
    protected ContractStores stores() {
        return DuckDbContractStores.INSTANCE;
    }
}
