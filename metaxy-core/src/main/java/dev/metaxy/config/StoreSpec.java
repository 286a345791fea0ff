package dev.metaxy.config;

import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.store.MetadataStore;
import java.util.List;
import java.util.Set;

/**
 * Everything a {@link StoreProvider} needs to build one configured store: its name, options, the feature graph,
 * the effective hash algorithm (configured or the provider's default, already checked against the fallbacks), the
 * fallback stores (created on first use), and the whole configuration for global defaults such as
 * {@link MetaxyConfig#autoCreateTables()} and {@link MetaxyConfig#enableMapDatatype()}.
 */
public final class StoreSpec {
    /** Options every store accepts; core validates them. */
    public static final Set<String> COMMON_OPTIONS = Set.of("fallback_stores", "hash_algorithm", "versioning_engine");

    private final String name;
    private final String type;
    private final StoreOptions options;
    private final FeatureGraph graph;
    private final HashAlgorithm hashAlgorithm;
    private final List<MetadataStore> fallbackStores;
    private final MetaxyConfig config;

    StoreSpec(String name, String type, StoreOptions options, FeatureGraph graph, HashAlgorithm hashAlgorithm,
              List<MetadataStore> fallbackStores, MetaxyConfig config) {
        this.name = name;
        this.type = type;
        this.options = options;
        this.graph = graph;
        this.hashAlgorithm = hashAlgorithm;
        this.fallbackStores = List.copyOf(fallbackStores);
        this.config = config;
    }

    public String name() {
        return name;
    }

    /** The {@code type} value as configured. */
    public String type() {
        return type;
    }

    /** All options including the common ones. */
    public StoreOptions options() {
        return options;
    }

    public FeatureGraph graph() {
        return graph;
    }

    /** The algorithm the store must use. */
    public HashAlgorithm hashAlgorithm() {
        return hashAlgorithm;
    }

    /** The configured fallback stores in order; each is created when first used. */
    public List<MetadataStore> fallbackStores() {
        return fallbackStores;
    }

    public MetaxyConfig config() {
        return config;
    }
}
