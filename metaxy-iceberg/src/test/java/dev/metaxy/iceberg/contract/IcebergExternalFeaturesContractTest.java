package dev.metaxy.iceberg.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.ExternalFeaturesContract;

/** Python's two-project history (external features, lock, sync) replayed on an Iceberg store (local directory). */
class IcebergExternalFeaturesContractTest extends ExternalFeaturesContract {
    @Override
    protected ContractStores stores() {
        return IcebergContractStores.LOCAL;
    }
}
