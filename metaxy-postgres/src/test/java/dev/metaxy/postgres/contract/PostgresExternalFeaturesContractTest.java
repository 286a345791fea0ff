package dev.metaxy.postgres.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.ExternalFeaturesContract;

/** Python's two-project history (external features, lock, sync) replayed on a PostgreSQL store. */
class PostgresExternalFeaturesContractTest extends ExternalFeaturesContract {
    @Override
    protected ContractStores stores() {
        return PostgresContractStores.INSTANCE;
    }
}
