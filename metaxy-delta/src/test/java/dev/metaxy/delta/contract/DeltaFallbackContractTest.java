package dev.metaxy.delta.contract;

import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.contract.FallbackContract;
import dev.metaxy.store.contract.StoreSettings;
import java.util.Optional;
import java.util.Set;

/** The Fallback contract on a Delta store (local directory). */
class DeltaFallbackContractTest extends FallbackContract {
    @Override
    protected MetadataStore newStore(FeatureGraph graph, StoreSettings settings) {
        return DeltaContractStores.newStore(graph, settings);
    }

    @Override
    protected Set<HashAlgorithm> supportedHashAlgorithms() {
        return DeltaContractStores.SUPPORTED;
    }

    @Override
    protected Optional<HashAlgorithm> unsupportedHashAlgorithm() {
        return DeltaContractStores.unsupported();
    }

    @Override
    protected Optional<HashAlgorithm> expectedDefaultHashAlgorithm() {
        return Optional.of(HashAlgorithm.XXHASH32);
    }

    @Override
    protected boolean alwaysCreatesTables() {
        return true;
    }

    @Override
    protected boolean dropKeepsEmptyTable() {
        return true;
    }
}
