package dev.metaxy.postgres.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.DeleteContract;

/** The Delete contract on a PostgreSQL store (fresh database per class, schema per settings directory). */
class PostgresDeleteContractTest extends DeleteContract {
    @Override
    protected ContractStores stores() {
        return PostgresContractStores.INSTANCE;
    }
}
