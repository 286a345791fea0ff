package dev.metaxy.iceberg.contract;

import dev.metaxy.lake.LakeS3Contract;
import dev.metaxy.store.contract.ContractStores;

/**
 * The whole store contract on Iceberg tables in an {@code s3://<bucket>/...} warehouse of the local S3 server, with
 * the SQLite catalog on local disk.
 */
class IcebergS3ContractTest extends LakeS3Contract {
    @Override
    protected ContractStores s3Stores() {
        return IcebergContractStores.S3;
    }

    @Override
    protected ContractStores s3EnvironmentStores() {
        return IcebergContractStores.S3_ENVIRONMENT;
    }
}
