package dev.metaxy.delta.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.StoreLookupContract;

/** The StoreLookup contract on a Delta store (local directory). */
class DeltaStoreLookupContractTest extends StoreLookupContract {
    @Override
    protected ContractStores stores() {
        return DeltaContractStores.LOCAL;
    }
}
