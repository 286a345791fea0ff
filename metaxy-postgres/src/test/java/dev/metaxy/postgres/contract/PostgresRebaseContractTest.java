package dev.metaxy.postgres.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.RebaseContract;

/** The Rebase contract on a PostgreSQL store (fresh database per class, schema per settings directory). */
class PostgresRebaseContractTest extends RebaseContract {
    @Override
    protected ContractStores stores() {
        return PostgresContractStores.INSTANCE;
    }
}
