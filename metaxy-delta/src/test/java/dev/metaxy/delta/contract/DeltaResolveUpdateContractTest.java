package dev.metaxy.delta.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.ResolveUpdateContract;

/** The ResolveUpdate contract on a Delta store (local directory). */
class DeltaResolveUpdateContractTest extends ResolveUpdateContract {
    @Override
    protected ContractStores stores() {
        return DeltaContractStores.LOCAL;
    }
}
