package dev.metaxy.spark.contract;

import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.contract.LifecycleContract;
import dev.metaxy.store.contract.StoreSettings;
import java.util.Optional;
import java.util.Set;

/** The Lifecycle contract on a Spark store over Iceberg tables (shared local session, SQLite catalog). */
class SparkIcebergLifecycleContractTest extends LifecycleContract {
    @Override
    protected MetadataStore newStore(FeatureGraph graph, StoreSettings settings) {
        return SparkContractStores.newIcebergStore(graph, settings);
    }

    @Override
    protected Set<HashAlgorithm> supportedHashAlgorithms() {
        return SparkContractStores.SUPPORTED;
    }

    @Override
    protected Optional<HashAlgorithm> expectedDefaultHashAlgorithm() {
        return Optional.of(HashAlgorithm.XXHASH32);
    }
}
