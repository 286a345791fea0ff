package dev.metaxy.iceberg.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.SystemTablesContract;

/** The SystemTables contract on an Iceberg store (local warehouse, SQLite catalog). */
class IcebergSystemTablesContractTest extends SystemTablesContract {
    @Override
    protected ContractStores stores() {
        return IcebergContractStores.LOCAL;
    }
}
