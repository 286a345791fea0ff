package dev.metaxy.duckdb.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.DeleteContract;

/** The Delete contract on a DuckDB file store. */
class DuckDbDeleteContractTest extends DeleteContract {
    @Override
    protected ContractStores stores() {
        return DuckDbContractStores.INSTANCE;
    }
}
