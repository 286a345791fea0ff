package dev.metaxy.delta.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.DeleteContract;

/** The Delete contract on a Delta store (local directory). */
class DeltaDeleteContractTest extends DeleteContract {
    @Override
    protected ContractStores stores() {
        return DeltaContractStores.LOCAL;
    }
}
