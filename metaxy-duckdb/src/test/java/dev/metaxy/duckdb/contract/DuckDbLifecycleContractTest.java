package dev.metaxy.duckdb.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.LifecycleContract;

/** The Lifecycle contract on a DuckDB file store. */
class DuckDbLifecycleContractTest extends LifecycleContract {
    @Override
    protected ContractStores stores() {
        return DuckDbContractStores.INSTANCE;
    }
}
