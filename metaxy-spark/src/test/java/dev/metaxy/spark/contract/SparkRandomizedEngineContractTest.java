package dev.metaxy.spark.contract;

import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.contract.RandomizedEngineContract;
import dev.metaxy.store.contract.StoreSettings;
import java.util.Optional;
import java.util.Set;

/** The RandomizedEngine contract on a Spark store over Delta tables (shared local session). */
class SparkRandomizedEngineContractTest extends RandomizedEngineContract {
    @Override
    protected MetadataStore newStore(FeatureGraph graph, StoreSettings settings) {
        return SparkContractStores.newStore(graph, settings);
    }

    @Override
    protected Set<HashAlgorithm> supportedHashAlgorithms() {
        return SparkContractStores.SUPPORTED;
    }

    /**
     * Each seed is a multi-round scenario of dozens of Delta commits; 16 seeds (the DuckDB count) would take most of
     * the CI budget on 2 cores, so the Spark store runs the first 2 seeds of the same generator. Set
     * {@code -Dmetaxy.spark.randomizedRuns=16} for a full soak.
     */
    @Override
    protected int randomizedRuns() {
        return Integer.getInteger("metaxy.spark.randomizedRuns", 2);
    }

    @Override
    protected Optional<HashAlgorithm> expectedDefaultHashAlgorithm() {
        return Optional.of(HashAlgorithm.XXHASH32);
    }
}
