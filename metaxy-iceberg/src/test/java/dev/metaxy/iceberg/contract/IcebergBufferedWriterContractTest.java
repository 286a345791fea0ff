package dev.metaxy.iceberg.contract;

import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.BufferedWriterContract;

/** The BufferedWriter contract on an Iceberg store (local warehouse, SQLite catalog). */
class IcebergBufferedWriterContractTest extends BufferedWriterContract {
    @Override
    protected ContractStores stores() {
        return IcebergContractStores.LOCAL;
    }
}
