package dev.metaxy.duckdb.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.RebaseContract;

/** The Rebase contract on a DuckDB file store. */
class DuckDbRebaseContractTest extends RebaseContract {
    @Override
    protected ContractStores stores() {
        return DuckDbContractStores.INSTANCE;
    }
}
