package dev.metaxy.postgres.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.ReadContract;

/** The Read contract on a PostgreSQL store (fresh database per class, schema per settings directory). */
class PostgresReadContractTest extends ReadContract {
    @Override
    protected ContractStores stores() {
        return PostgresContractStores.INSTANCE;
    }
}
