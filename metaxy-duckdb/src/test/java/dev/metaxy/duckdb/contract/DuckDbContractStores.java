package dev.metaxy.duckdb.contract;

import dev.metaxy.duckdb.DuckDbDialect;
import dev.metaxy.duckdb.DuckDbMetadataStore;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.StoreSettings;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the DuckDB file stores the contract classes run against: one database file per settings directory. Every
 * algorithm is supported; the default is xxhash32.
 */
final class DuckDbContractStores implements ContractStores {
    static final DuckDbContractStores INSTANCE = new DuckDbContractStores();
    private static final Set<HashAlgorithm> SUPPORTED = EnumSet.copyOf(DuckDbDialect.of(false).supportedHashAlgorithms());

    private DuckDbContractStores() {
    }

    @Override
    public MetadataStore newStore(Class<?> testClass, FeatureGraph graph, StoreSettings settings) {
        DuckDbMetadataStore.Builder b = DuckDbMetadataStore.builder(graph)
            .database(settings.directory().resolve("metadata.duckdb"))
            .enableMapDatatype(settings.enableMapDatatype())
            .autoCreateTables(settings.autoCreateTables())
            .materializationId(settings.materializationId())
            .fallbackStores(settings.fallbackStores());
        if (settings.hashAlgorithm() != null) {
            b.hashAlgorithm(settings.hashAlgorithm());
        }
        return b.build();
    }

    @Override
    public Set<HashAlgorithm> supportedHashAlgorithms() {
        return SUPPORTED;
    }

    @Override
    public Optional<HashAlgorithm> expectedDefaultHashAlgorithm() {
        return Optional.of(HashAlgorithm.XXHASH32);
    }
}
