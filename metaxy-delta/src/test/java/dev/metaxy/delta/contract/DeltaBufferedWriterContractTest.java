package dev.metaxy.delta.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.BufferedWriterContract;

/** The BufferedWriter contract on a Delta store (local directory). */
class DeltaBufferedWriterContractTest extends BufferedWriterContract {
    @Override
    protected ContractStores stores() {
        return DeltaContractStores.LOCAL;
    }
}
