package dev.metaxy.duckdb.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.SystemTablesContract;

/** The SystemTables contract on a DuckDB file store. */
class DuckDbSystemTablesContractTest extends SystemTablesContract {
    @Override
    protected ContractStores stores() {
        return DuckDbContractStores.INSTANCE;
    }
}
