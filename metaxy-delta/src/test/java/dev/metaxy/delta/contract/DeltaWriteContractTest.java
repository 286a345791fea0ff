package dev.metaxy.delta.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.WriteContract;

/** The Write contract on a Delta store (local directory). */
class DeltaWriteContractTest extends WriteContract {
    @Override
    protected ContractStores stores() {
        return DeltaContractStores.LOCAL;
    }
}
