package dev.metaxy.iceberg.contract;

import dev.metaxy.iceberg.IcebergMetadataStore;
import dev.metaxy.duckdb.DuckDbDialect;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.contract.StoreSettings;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Builds the Iceberg stores the contract classes run against: one warehouse (SQLite catalog) per settings directory. */
final class IcebergContractStores {
    static final Set<HashAlgorithm> SUPPORTED = EnumSet.copyOf(DuckDbDialect.of(false).supportedHashAlgorithms());

    private IcebergContractStores() {
    }

    static MetadataStore newStore(FeatureGraph graph, StoreSettings settings) {
        IcebergMetadataStore.Builder b = IcebergMetadataStore.builder(graph, settings.directory().resolve("warehouse"))
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
