package dev.metaxy.config;

import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.store.MetadataStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Builds stores from a {@link MetaxyConfig} (Python's {@code get_store}); each call creates a new instance. */
final class StoreFactory {
    private static final Set<String> ENGINES = Set.of("auto", "native", "polars");

    private final MetaxyConfig config;
    private final Path file;

    StoreFactory(MetaxyConfig config) {
        this.config = config;
        this.file = config.configFile().orElse(null);
    }

    MetadataStore create(String requested, FeatureGraph graph) {
        if (config.stores().isEmpty()) {
            throw error("No Metaxy stores available. They should be configured in metaxy.toml|pyproject.toml or via environment variables.");
        }
        String name = requested == null ? config.store() : requested;
        StoreConfig store = lookup(name, "Store '" + name + "' not found in config");
        checkFallbackChain(name, new LinkedHashSet<>());
        StoreProvider provider = provider(store);
        HashAlgorithm algorithm = algorithm(store, provider);
        List<MetadataStore> fallbacks = new ArrayList<>();
        for (String fb : store.fallbackStores()) {
            StoreConfig fallback = lookup(fb, "Fallback store '" + fb + "' of store '" + name + "' not found in config");
            HashAlgorithm fbAlgorithm = algorithm(fallback, provider(fallback));
            if (fbAlgorithm != algorithm) {
                throw error("Fallback store '" + fb + "' uses hash_algorithm='" + fbAlgorithm.configName() + "' but parent store uses '"
                    + algorithm.configName() + "'. All stores in a fallback chain must use the same hash algorithm.");
            }
            fallbacks.add(new LazyMetadataStore(fb, graph, fbAlgorithm, () -> create(fb, graph)));
        }
        StoreSpec spec = new StoreSpec(name, store.type(), options(store), graph, algorithm, fallbacks, config);
        MetadataStore created;
        try {
            created = provider.create(spec);
        } catch (ConfigException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConfigException("Failed to instantiate store '" + name + "' (" + store.type() + "): " + e.getMessage(), file, e);
        }
        if (created.hashAlgorithm() != algorithm) {
            throw error("Store '" + name + "' (" + created.getClass().getSimpleName() + ") was configured with hash_algorithm='"
                + algorithm.configName() + "' but is using '" + created.hashAlgorithm().configName()
                + "'. The store class may have overridden the hash algorithm. All stores must use the same hash algorithm.");
        }
        if (created instanceof dev.metaxy.store.AbstractMetadataStore named) {
            named.assignName(name);
        }
        return created;
    }

    private StoreConfig lookup(String name, String problem) {
        StoreConfig store = config.stores().get(name);
        if (store == null) {
            throw error(problem + ". Available stores: " + config.stores().keySet().stream()
                .map(n -> "'" + n + "'").collect(Collectors.joining(", ", "[", "]")));
        }
        return store;
    }

    private void checkFallbackChain(String name, LinkedHashSet<String> path) {
        if (!path.add(name)) {
            throw error("Circular fallback store chain: " + String.join(" -> ", path) + " -> " + name);
        }
        StoreConfig store = config.stores().get(name);
        if (store != null) {
            for (String fb : store.fallbackStores()) {
                checkFallbackChain(fb, path);
            }
        }
        path.remove(name);
    }

    private StoreProvider provider(StoreConfig store) {
        StoreProvider provider = StoreProviders.find(store.type()).orElseThrow(() -> error(StoreModuleHints.forType(store.type())
            .map(hint -> "Store '" + store.name() + "' has type '" + store.type() + "', but " + hint)
            .orElse("Unknown store type '" + store.type() + "' for store '" + store.name() + "'. Known types: "
                + StoreProviders.knownTypes())));
        Set<String> known = new TreeSet<>(provider.optionNames());
        known.addAll(StoreSpec.COMMON_OPTIONS);
        for (String option : store.options().keySet()) {
            if (!known.contains(option)) {
                throw error("Unknown option '" + option + "' for store '" + store.name() + "' (type " + store.type()
                    + "). Known options: " + String.join(", ", known));
            }
        }
        return provider;
    }

    private HashAlgorithm algorithm(StoreConfig store, StoreProvider provider) {
        StoreOptions options = options(store);
        options.string("versioning_engine").ifPresent(engine -> {
            if (!ENGINES.contains(engine)) {
                throw options.error("versioning_engine", "must be one of auto, native, polars; got '" + engine + "'");
            }
        });
        return options.string("hash_algorithm").map(name -> {
            try {
                return HashAlgorithm.fromName(name);
            } catch (IllegalArgumentException e) {
                throw options.error("hash_algorithm", "is invalid: " + e.getMessage());
            }
        }).orElse(provider.defaultHashAlgorithm());
    }

    private StoreOptions options(StoreConfig store) {
        return new StoreOptions(store.options(), store.name(), file);
    }

    private ConfigException error(String message) {
        return new ConfigException(message, file);
    }
}
