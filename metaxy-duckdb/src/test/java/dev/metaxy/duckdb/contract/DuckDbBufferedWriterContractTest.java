package dev.metaxy.duckdb.contract;

import dev.metaxy.store.contract.BufferedWriterContract;
import dev.metaxy.store.contract.ContractStores;

/** The BufferedWriter contract on a DuckDB file store. */
class DuckDbBufferedWriterContractTest extends BufferedWriterContract {
    @Override
    protected ContractStores stores() {
        return DuckDbContractStores.INSTANCE;
    }
}
