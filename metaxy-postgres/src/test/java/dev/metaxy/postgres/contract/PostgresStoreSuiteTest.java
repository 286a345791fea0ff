package dev.metaxy.postgres.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.StoreSuite;

/** Every topic of the store contract on a PostgreSQL store (fresh database per topic, schema per settings directory). */
class PostgresStoreSuiteTest extends StoreSuite {
    @Override
    protected ContractStores stores() {
        return PostgresContractStores.INSTANCE;
    }
}
