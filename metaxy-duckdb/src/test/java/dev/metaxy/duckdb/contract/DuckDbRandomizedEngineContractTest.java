package dev.metaxy.duckdb.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.RandomizedEngineContract;

/** The RandomizedEngine contract on a DuckDB file store. */
class DuckDbRandomizedEngineContractTest extends RandomizedEngineContract {
    @Override
    protected ContractStores stores() {
        return DuckDbContractStores.INSTANCE;
    }
}
