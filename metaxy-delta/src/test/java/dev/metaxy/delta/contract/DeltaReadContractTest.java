package dev.metaxy.delta.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.ReadContract;

/** The Read contract on a Delta store (local directory). */
class DeltaReadContractTest extends ReadContract {
    @Override
    protected ContractStores stores() {
        return DeltaContractStores.LOCAL;
    }
}
