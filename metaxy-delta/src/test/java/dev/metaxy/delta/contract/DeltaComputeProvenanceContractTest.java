package dev.metaxy.delta.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.ComputeProvenanceContract;

/** The ComputeProvenance contract on a Delta store (local directory). */
class DeltaComputeProvenanceContractTest extends ComputeProvenanceContract {
    @Override
    protected ContractStores stores() {
        return DeltaContractStores.LOCAL;
    }
}
