package dev.metaxy.delta.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.ExternalFeaturesContract;

/** Python's two-project history (external features, lock, sync) replayed on a Delta store (local directory). */
class DeltaExternalFeaturesContractTest extends ExternalFeaturesContract {
    @Override
    protected ContractStores stores() {
        return DeltaContractStores.LOCAL;
    }
}
