package dev.metaxy.duckdb.contract;

import dev.metaxy.duckdb.DuckDbDialect;
import dev.metaxy.duckdb.DuckDbMetadataStore;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.contract.StoreSettings;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Builds the DuckDB file stores the contract classes run against: one database file per settings directory. */
final class DuckDbContractStores {
    static final Set<HashAlgorithm> SUPPORTED = EnumSet.copyOf(DuckDbDialect.of(false).supportedHashAlgorithms());

    private DuckDbContractStores() {
    }

    static MetadataStore newStore(FeatureGraph graph, StoreSettings settings) {
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

    static Optional<HashAlgorithm> unsupported() {
        return EnumSet.complementOf(EnumSet.copyOf(SUPPORTED)).stream().findFirst();
    }
}
