package dev.metaxy.postgres.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.ResolveUpdateContract;

/** The ResolveUpdate contract on a PostgreSQL store (fresh database per class, schema per settings directory). */
class PostgresResolveUpdateContractTest extends ResolveUpdateContract {
    @Override
    protected ContractStores stores() {
        return PostgresContractStores.INSTANCE;
    }
}
