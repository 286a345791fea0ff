package dev.metaxy.duckdb.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.WriteContract;

/** The Write contract on a DuckDB file store. */
class DuckDbWriteContractTest extends WriteContract {
    @Override
    protected ContractStores stores() {
        return DuckDbContractStores.INSTANCE;
    }
}
