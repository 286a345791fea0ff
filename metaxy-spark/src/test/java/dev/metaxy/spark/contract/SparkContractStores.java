package dev.metaxy.spark.contract;

import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.spark.SparkMetadataStore;
import dev.metaxy.spark.SparkTestSession;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.StoreSettings;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the Spark stores the contract classes run against: Delta tables under {@code <directory>/delta}, or Iceberg
 * tables in an Iceberg catalog over {@code <directory>/iceberg} laid out as the Iceberg store's (one Spark catalog
 * name per directory, so the same directory gives the same data).
 */
final class SparkContractStores {
    static final Set<HashAlgorithm> SUPPORTED = EnumSet.allOf(HashAlgorithm.class);
    private static final Map<Path, String> CATALOGS = new ConcurrentHashMap<>();
    private static final AtomicInteger NEXT_CATALOG = new AtomicInteger();

    /** Delta tables: the contract's hooks answered for every topic. */
    static final ContractStores DELTA = new Answers(false);

    /** Iceberg tables in a per-directory Spark catalog. */
    static final ContractStores ICEBERG = new Answers(true);

    private SparkContractStores() {
    }

    /** The Spark store's answers: every hash algorithm, xxhash32 by default, 2 randomized seeds (see below). */
    private record Answers(boolean iceberg) implements ContractStores {
        @Override
        public MetadataStore newStore(Class<?> testClass, FeatureGraph graph, StoreSettings settings) {
            return iceberg ? newIcebergStore(graph, settings) : SparkContractStores.newStore(graph, settings);
        }

        @Override
        public Set<HashAlgorithm> supportedHashAlgorithms() {
            return SUPPORTED;
        }

        @Override
        public Optional<HashAlgorithm> expectedDefaultHashAlgorithm() {
            return Optional.of(HashAlgorithm.XXHASH32);
        }

        /**
         * Each seed is a multi-round scenario of dozens of Delta commits; 16 seeds (the DuckDB count) would take most of
         * the CI budget on 2 cores, so the Spark store runs the first 2 seeds of the same generator. Set
         * {@code -Dmetaxy.spark.randomizedRuns=16} for a full soak.
         */
        @Override
        public int randomizedRuns() {
            return Integer.getInteger("metaxy.spark.randomizedRuns", 2);
        }
    }

    static MetadataStore newStore(FeatureGraph graph, StoreSettings settings) {
        return configure(SparkMetadataStore.builder(graph).spark(SparkTestSession.get()).rootPath(settings.directory().resolve("delta")), settings);
    }

    static MetadataStore newIcebergStore(FeatureGraph graph, StoreSettings settings) {
        Path warehouse = settings.directory().resolve("iceberg");
        String catalog = CATALOGS.computeIfAbsent(warehouse, w -> "contract_" + NEXT_CATALOG.incrementAndGet());
        SparkSession spark = SparkTestSession.withIcebergCatalog(catalog, warehouse);
        return configure(SparkMetadataStore.builder(graph).spark(spark).format(SparkMetadataStore.Format.ICEBERG).catalog(catalog), settings);
    }

    private static MetadataStore configure(SparkMetadataStore.Builder b, StoreSettings settings) {
        b.enableMapDatatype(settings.enableMapDatatype())
            .autoCreateTables(settings.autoCreateTables())
            .materializationId(settings.materializationId())
            .fallbackStores(settings.fallbackStores());
        if (settings.hashAlgorithm() != null) {
            b.hashAlgorithm(settings.hashAlgorithm());
        }
        return b.build();
    }
}
