package dev.metaxy.store.contract;

import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.store.MetadataStore;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A store module's answers to the contract's hooks (the store factory, hash algorithms, table-lifecycle quirks),
 * written once and returned from {@link StoreContract#stores()} by every topic subclass, so that a subclass is just
 * {@code class FooReadContractTest extends ReadContract { protected ContractStores stores() { return FooStores.INSTANCE; } }}.
 */
public interface ContractStores {
    /** As {@link StoreContract#newStore}; {@code testClass} is the running contract class (e.g. for a database per class). */
    MetadataStore newStore(Class<?> testClass, FeatureGraph graph, StoreSettings settings);

    /** As {@link StoreContract#supportedHashAlgorithms()}. */
    Set<HashAlgorithm> supportedHashAlgorithms();

    /** As {@link StoreContract#unsupportedHashAlgorithm()}; default: the first algorithm not supported, if any. */
    default Optional<HashAlgorithm> unsupportedHashAlgorithm() {
        return EnumSet.complementOf(EnumSet.copyOf(supportedHashAlgorithms())).stream().findFirst();
    }

    /** As {@link StoreContract#expectedDefaultHashAlgorithm()}; default: none documented. */
    default Optional<HashAlgorithm> expectedDefaultHashAlgorithm() {
        return Optional.empty();
    }

    /** As {@link StoreContract#dropKeepsEmptyTable()}; default: false. */
    default boolean dropKeepsEmptyTable() {
        return false;
    }

    /** As {@link RandomizedEngineContract#randomizedRuns()}: seeds of the randomized comparison; default 16. */
    default int randomizedRuns() {
        return 16;
    }

    /** As {@link StoreContract#alwaysCreatesTables()}; default: false. */
    default boolean alwaysCreatesTables() {
        return false;
    }
}
