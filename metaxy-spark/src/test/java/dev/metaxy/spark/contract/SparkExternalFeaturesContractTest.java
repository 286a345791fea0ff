package dev.metaxy.spark.contract;

import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.contract.ExternalFeaturesContract;
import dev.metaxy.store.contract.StoreSettings;
import java.util.Set;

/** Python's two-project history (external features, lock, sync) replayed on a Spark store over Delta tables. */
class SparkExternalFeaturesContractTest extends ExternalFeaturesContract {
    @Override
    protected MetadataStore newStore(FeatureGraph graph, StoreSettings settings) {
        return SparkContractStores.newStore(graph, settings);
    }

    @Override
    protected Set<HashAlgorithm> supportedHashAlgorithms() {
        return SparkContractStores.SUPPORTED;
    }
}
