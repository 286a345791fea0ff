package dev.metaxy.spark.contract;

import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.spark.SparkMetadataStore;
import dev.metaxy.spark.SparkTestSession;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.contract.StoreSettings;
import java.util.EnumSet;
import java.util.Set;

/** Builds the Spark (Delta) stores the contract classes run against: one table root per settings directory. */
final class SparkContractStores {
    static final Set<HashAlgorithm> SUPPORTED = EnumSet.allOf(HashAlgorithm.class);

    private SparkContractStores() {
    }

    static MetadataStore newStore(FeatureGraph graph, StoreSettings settings) {
        SparkMetadataStore.Builder b = SparkMetadataStore.builder(graph)
            .spark(SparkTestSession.get())
            .rootPath(settings.directory().resolve("delta"))
            .enableMapDatatype(settings.enableMapDatatype())
            .autoCreateTables(settings.autoCreateTables())
            .materializationId(settings.materializationId())
            .fallbackStores(settings.fallbackStores());
        if (settings.hashAlgorithm() != null) {
            b.hashAlgorithm(settings.hashAlgorithm());
        }
        return b.build();
    }
}
