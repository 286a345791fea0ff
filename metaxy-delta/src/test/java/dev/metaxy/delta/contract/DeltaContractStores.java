package dev.metaxy.delta.contract;

import dev.metaxy.delta.DeltaMetadataStore;
import dev.metaxy.duckdb.DuckDbDialect;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.contract.StoreSettings;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Builds the Delta stores the contract classes run against: one root directory per settings directory. */
final class DeltaContractStores {
    static final Set<HashAlgorithm> SUPPORTED = EnumSet.copyOf(DuckDbDialect.of(false).supportedHashAlgorithms());

    private DeltaContractStores() {
    }

    static MetadataStore newStore(FeatureGraph graph, StoreSettings settings) {
        DeltaMetadataStore.Builder b = DeltaMetadataStore.builder(graph, settings.directory().resolve("delta"))
            .enableMapDatatype(settings.enableMapDatatype())
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
