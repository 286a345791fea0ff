package dev.metaxy.postgres.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.RandomizedEngineContract;

/** The RandomizedEngine contract on a PostgreSQL store (fresh database per class, schema per settings directory). */
class PostgresRandomizedEngineContractTest extends RandomizedEngineContract {
    @Override
    protected ContractStores stores() {
        return PostgresContractStores.INSTANCE;
    }
}
