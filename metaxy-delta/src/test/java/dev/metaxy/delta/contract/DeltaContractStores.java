package dev.metaxy.delta.contract;

import dev.metaxy.delta.DeltaMetadataStore;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.lake.LakeContractStores;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.contract.StoreSettings;

/**
 * Builds the Delta stores the contract classes run against, one root per settings directory, locally or on the
 * local S3 server; a dropped feature keeps its (empty) table, as in the reference.
 */
final class DeltaContractStores extends LakeContractStores {
    static final DeltaContractStores LOCAL = new DeltaContractStores(Backend.LOCAL);
    static final DeltaContractStores S3 = new DeltaContractStores(Backend.S3_OPTIONS);
    static final DeltaContractStores S3_ENVIRONMENT = new DeltaContractStores(Backend.S3_ENVIRONMENT);

    private DeltaContractStores(Backend backend) {
        super(backend);
    }

    @Override
    protected MetadataStore newStore(Location location, FeatureGraph graph, StoreSettings settings) {
        DeltaMetadataStore.Builder b = DeltaMetadataStore.builder(graph, location.root("delta"))
            .storageOptions(location.storageOptions())
            .environment(location.environment())
            .enableMapDatatype(settings.enableMapDatatype())
            .materializationId(settings.materializationId())
            .fallbackStores(settings.fallbackStores());
        if (settings.hashAlgorithm() != null) {
            b.hashAlgorithm(settings.hashAlgorithm());
        }
        return b.build();
    }

    @Override
    public boolean dropKeepsEmptyTable() {
        return true;
    }
}
