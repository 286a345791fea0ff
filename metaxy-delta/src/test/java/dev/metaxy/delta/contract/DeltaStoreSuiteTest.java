package dev.metaxy.delta.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.StoreSuite;

/** Every topic of the store contract on a Delta store (local directory). */
class DeltaStoreSuiteTest extends StoreSuite {
    @Override
    protected ContractStores stores() {
        return DeltaContractStores.LOCAL;
    }
}
