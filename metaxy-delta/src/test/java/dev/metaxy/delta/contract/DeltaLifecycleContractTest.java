package dev.metaxy.delta.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.LifecycleContract;

/** The Lifecycle contract on a Delta store (local directory). */
class DeltaLifecycleContractTest extends LifecycleContract {
    @Override
    protected ContractStores stores() {
        return DeltaContractStores.LOCAL;
    }
}
