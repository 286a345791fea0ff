package dev.metaxy.duckdb.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.ExternalFeaturesContract;

/** Python's two-project history (external features, lock, sync) replayed on a DuckDB store. */
class DuckDbExternalFeaturesContractTest extends ExternalFeaturesContract {
    @Override
    protected ContractStores stores() {
        return DuckDbContractStores.INSTANCE;
    }
}
