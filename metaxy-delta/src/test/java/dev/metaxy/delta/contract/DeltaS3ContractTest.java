package dev.metaxy.delta.contract;

import dev.metaxy.lake.LakeS3Contract;
import dev.metaxy.store.contract.ContractStores;

/** The whole store contract on Delta tables under {@code s3://<bucket>/...} of the local S3 server. */
class DeltaS3ContractTest extends LakeS3Contract {
    @Override
    protected ContractStores s3Stores() {
        return DeltaContractStores.S3;
    }

    @Override
    protected ContractStores s3EnvironmentStores() {
        return DeltaContractStores.S3_ENVIRONMENT;
    }
}
