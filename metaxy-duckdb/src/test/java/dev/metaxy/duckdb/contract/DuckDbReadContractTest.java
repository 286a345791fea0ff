package dev.metaxy.duckdb.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.ReadContract;

/** The Read contract on a DuckDB file store. */
class DuckDbReadContractTest extends ReadContract {
    @Override
    protected ContractStores stores() {
        return DuckDbContractStores.INSTANCE;
    }
}
