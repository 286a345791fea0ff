package dev.metaxy.spark.contract;

import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.contract.StoreLookupContract;
import dev.metaxy.store.contract.StoreSettings;
import java.util.Optional;
import java.util.Set;

/** The StoreLookup contract on a Spark store over Delta tables (shared local session). */
class SparkStoreLookupContractTest extends StoreLookupContract {
    @Override
    protected MetadataStore newStore(FeatureGraph graph, StoreSettings settings) {
        return SparkContractStores.newStore(graph, settings);
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
