package dev.metaxy.postgres.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.CopyContract;

/** The Copy contract on a PostgreSQL store (fresh database per class, schema per settings directory). */
class PostgresCopyContractTest extends CopyContract {
    @Override
    protected ContractStores stores() {
        return PostgresContractStores.INSTANCE;
    }
}
