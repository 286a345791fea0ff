package dev.metaxy.delta.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.FallbackContract;

/** The Fallback contract on a Delta store (local directory). */
class DeltaFallbackContractTest extends FallbackContract {
    @Override
    protected ContractStores stores() {
        return DeltaContractStores.LOCAL;
    }
}
