package dev.metaxy.postgres.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.FallbackContract;

/** The Fallback contract on a PostgreSQL store (fresh database per class, schema per settings directory). */
class PostgresFallbackContractTest extends FallbackContract {
    @Override
    protected ContractStores stores() {
        return PostgresContractStores.INSTANCE;
    }
}
