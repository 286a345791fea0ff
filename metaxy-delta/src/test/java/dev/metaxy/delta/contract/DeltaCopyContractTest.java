package dev.metaxy.delta.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.CopyContract;

/** The Copy contract on a Delta store (local directory). */
class DeltaCopyContractTest extends CopyContract {
    @Override
    protected ContractStores stores() {
        return DeltaContractStores.LOCAL;
    }
}
