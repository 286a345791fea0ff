package dev.metaxy.delta.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.SystemTablesContract;

/** The SystemTables contract on a Delta store (local directory). */
class DeltaSystemTablesContractTest extends SystemTablesContract {
    @Override
    protected ContractStores stores() {
        return DeltaContractStores.LOCAL;
    }
}
