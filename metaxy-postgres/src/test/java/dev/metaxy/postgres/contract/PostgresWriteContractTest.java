package dev.metaxy.postgres.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.WriteContract;

/** The Write contract on a PostgreSQL store (fresh database per class, schema per settings directory). */
class PostgresWriteContractTest extends WriteContract {
    @Override
    protected ContractStores stores() {
        return PostgresContractStores.INSTANCE;
    }
}
