package dev.metaxy.delta.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.RebaseContract;

/** The Rebase contract on a Delta store (local directory). */
class DeltaRebaseContractTest extends RebaseContract {
    @Override
    protected ContractStores stores() {
        return DeltaContractStores.LOCAL;
    }
}
