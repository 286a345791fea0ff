package dev.metaxy.delta.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.RandomizedEngineContract;

/** The RandomizedEngine contract on a Delta store (local directory). */
class DeltaRandomizedEngineContractTest extends RandomizedEngineContract {
    @Override
    protected ContractStores stores() {
        return DeltaContractStores.LOCAL;
    }
}
