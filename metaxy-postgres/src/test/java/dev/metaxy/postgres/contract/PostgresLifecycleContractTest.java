package dev.metaxy.postgres.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.LifecycleContract;

/** The Lifecycle contract on a PostgreSQL store (fresh database per class, schema per settings directory). */
class PostgresLifecycleContractTest extends LifecycleContract {
    @Override
    protected ContractStores stores() {
        return PostgresContractStores.INSTANCE;
    }
}
