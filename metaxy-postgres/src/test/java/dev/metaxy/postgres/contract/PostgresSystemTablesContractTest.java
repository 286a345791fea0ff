package dev.metaxy.postgres.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.SystemTablesContract;

/** The SystemTables contract on a PostgreSQL store (fresh database per class, schema per settings directory). */
class PostgresSystemTablesContractTest extends SystemTablesContract {
    @Override
    protected ContractStores stores() {
        return PostgresContractStores.INSTANCE;
    }
}
