package dev.metaxy.iceberg.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.ComputeProvenanceContract;

/** The ComputeProvenance contract on an Iceberg store (local warehouse, SQLite catalog). */
class IcebergComputeProvenanceContractTest extends ComputeProvenanceContract {
    @Override
    protected ContractStores stores() {
        return IcebergContractStores.LOCAL;
    }
}
