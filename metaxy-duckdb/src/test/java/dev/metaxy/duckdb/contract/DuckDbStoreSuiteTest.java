package dev.metaxy.duckdb.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.StoreSuite;

/** Every topic of the store contract on a DuckDB store (a database file per settings directory). */
class DuckDbStoreSuiteTest extends StoreSuite {
    @Override
    protected ContractStores stores() {
        return DuckDbContractStores.INSTANCE;
    }
}
