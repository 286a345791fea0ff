package dev.metaxy.duckdb.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.StoreLookupContract;

/** The StoreLookup contract on a DuckDB file store. */
class DuckDbStoreLookupContractTest extends StoreLookupContract {
    @Override
    protected ContractStores stores() {
        return DuckDbContractStores.INSTANCE;
    }
}
