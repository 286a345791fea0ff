package dev.metaxy.iceberg.contract;

import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.iceberg.IcebergMetadataStore;
import dev.metaxy.lake.LakeContractStores;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.contract.StoreSettings;
import java.util.Map;

/**
 * Builds the Iceberg stores the contract classes run against, one warehouse per settings directory, locally (SQLite
 * catalog inside it) or on the local S3 server (SQLite catalog file kept in the settings directory, as a remote
 * warehouse needs an explicit catalog URI).
 */
final class IcebergContractStores extends LakeContractStores {
    static final IcebergContractStores LOCAL = new IcebergContractStores(Backend.LOCAL);
    static final IcebergContractStores S3 = new IcebergContractStores(Backend.S3_OPTIONS);
    static final IcebergContractStores S3_ENVIRONMENT = new IcebergContractStores(Backend.S3_ENVIRONMENT);

    private IcebergContractStores(Backend backend) {
        super(backend);
    }

    @Override
    protected MetadataStore newStore(Location location, FeatureGraph graph, StoreSettings settings) {
        IcebergMetadataStore.Builder b = IcebergMetadataStore.builder(graph, location.root("warehouse"))
            .storageOptions(location.storageOptions())
            .environment(location.environment())
            .enableMapDatatype(settings.enableMapDatatype())
            .materializationId(settings.materializationId())
            .fallbackStores(settings.fallbackStores());
        if (location.remote()) {
            b.catalogProperties(Map.of("uri", "jdbc:sqlite:" + settings.directory().resolve("catalog.db")));
        }
        if (settings.hashAlgorithm() != null) {
            b.hashAlgorithm(settings.hashAlgorithm());
        }
        return b.build();
    }
}
