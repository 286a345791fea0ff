package dev.metaxy.duckdb.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.FallbackContract;

/** The Fallback contract on a DuckDB file store. */
class DuckDbFallbackContractTest extends FallbackContract {
    @Override
    protected ContractStores stores() {
        return DuckDbContractStores.INSTANCE;
    }
}
