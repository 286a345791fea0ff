package dev.metaxy.duckdb.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.ComputeProvenanceContract;

/** The ComputeProvenance contract on a DuckDB file store. */
class DuckDbComputeProvenanceContractTest extends ComputeProvenanceContract {
    @Override
    protected ContractStores stores() {
        return DuckDbContractStores.INSTANCE;
    }
}
