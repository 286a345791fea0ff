package dev.metaxy.duckdb.contract;

import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.contract.FallbackContract;
import dev.metaxy.store.contract.StoreSettings;
import java.util.Optional;
import java.util.Set;

/** The Fallback contract on a DuckDB file store. */
class DuckDbFallbackContractTest extends FallbackContract {
    @Override
    protected MetadataStore newStore(FeatureGraph graph, StoreSettings settings) {
        return DuckDbContractStores.newStore(graph, settings);
    }

    @Override
    protected Set<HashAlgorithm> supportedHashAlgorithms() {
        return DuckDbContractStores.SUPPORTED;
    }

    @Override
    protected Optional<HashAlgorithm> unsupportedHashAlgorithm() {
        return DuckDbContractStores.unsupported();
    }

    @Override
    protected Optional<HashAlgorithm> expectedDefaultHashAlgorithm() {
        return Optional.of(HashAlgorithm.XXHASH32);
    }
}
