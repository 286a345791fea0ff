package dev.metaxy.postgres.contract;

import dev.metaxy.store.contract.BufferedWriterContract;
import dev.metaxy.store.contract.ContractStores;

/** The BufferedWriter contract on a PostgreSQL store (fresh database per class, schema per settings directory). */
class PostgresBufferedWriterContractTest extends BufferedWriterContract {
    @Override
    protected ContractStores stores() {
        return PostgresContractStores.INSTANCE;
    }
}
