package dev.metaxy.postgres.contract;

import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.contract.BufferedWriterContract;
import dev.metaxy.store.contract.StoreSettings;
import java.util.Optional;
import java.util.Set;

/** The BufferedWriter contract on a PostgreSQL store (fresh database per class, schema per settings directory). */
class PostgresBufferedWriterContractTest extends BufferedWriterContract {
    @Override
    protected MetadataStore newStore(FeatureGraph graph, StoreSettings settings) {
        return PostgresContractStores.newStore(getClass(), graph, settings);
    }

    @Override
    protected Set<HashAlgorithm> supportedHashAlgorithms() {
        return PostgresContractStores.SUPPORTED;
    }

    @Override
    protected Optional<HashAlgorithm> unsupportedHashAlgorithm() {
        return PostgresContractStores.unsupported();
    }

    @Override
    protected Optional<HashAlgorithm> expectedDefaultHashAlgorithm() {
        return Optional.of(HashAlgorithm.XXHASH32);
    }
}
