package dev.metaxy.duckdb.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.CopyContract;

/** The Copy contract on a DuckDB file store. */
class DuckDbCopyContractTest extends CopyContract {
    @Override
    protected ContractStores stores() {
        return DuckDbContractStores.INSTANCE;
    }
}
