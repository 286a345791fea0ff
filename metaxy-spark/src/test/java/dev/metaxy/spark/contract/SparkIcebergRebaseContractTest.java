package dev.metaxy.spark.contract;

import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.contract.RebaseContract;
import dev.metaxy.store.contract.StoreSettings;
import java.util.Optional;
import java.util.Set;

/** The Rebase contract on a Spark store over Iceberg tables (shared local session, SQLite catalog). */
class SparkIcebergRebaseContractTest extends RebaseContract {
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
