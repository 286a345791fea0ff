package dev.metaxy.postgres.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.StoreLookupContract;

/** The StoreLookup contract on a PostgreSQL store (fresh database per class, schema per settings directory). */
class PostgresStoreLookupContractTest extends StoreLookupContract {
    @Override
    protected ContractStores stores() {
        return PostgresContractStores.INSTANCE;
    }
}
