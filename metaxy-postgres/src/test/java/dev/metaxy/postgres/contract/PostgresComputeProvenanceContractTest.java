package dev.metaxy.postgres.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.ComputeProvenanceContract;

/** The ComputeProvenance contract on a PostgreSQL store (fresh database per class, schema per settings directory). */
class PostgresComputeProvenanceContractTest extends ComputeProvenanceContract {
    @Override
    protected ContractStores stores() {
        return PostgresContractStores.INSTANCE;
    }
}
