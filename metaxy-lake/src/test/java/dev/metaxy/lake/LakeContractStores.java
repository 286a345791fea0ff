package dev.metaxy.lake;

import dev.metaxy.duckdb.DuckDbDialect;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.StoreSettings;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The contract answers the storage-only stores share (DuckDB's hash algorithms, xxhash32 by default, tables always
 * created on first write), for one {@link Backend}: a store module implements {@link #newStore(Location, FeatureGraph,
 * StoreSettings)} once for all backends.
 */
public abstract class LakeContractStores implements ContractStores {
    private static final Set<HashAlgorithm> SUPPORTED = EnumSet.copyOf(DuckDbDialect.of(false).supportedHashAlgorithms());

    /** Where the contract's stores keep their tables. */
    public enum Backend {
        /** Under the settings directory. */
        LOCAL,
        /** On the {@link LocalS3Server}, configured by {@code storage_options}. */
        S3_OPTIONS,
        /** On the {@link LocalS3Server}, configured only by the AWS environment variables given as the store's environment. */
        S3_ENVIRONMENT
    }

    /**
     * Where one store's tables go: {@code root(leaf)} is {@code <settings directory>/<leaf>} or an {@code s3://} URI
     * (see {@link S3ContractLocations}); {@code storageOptions} and {@code environment} are what the store must be
     * given (empty for local stores).
     */
    public record Location(Backend backend, Class<?> testClass, StoreSettings settings, Map<String, String> storageOptions,
                           Map<String, String> environment) {
        public String root(String leaf) {
            return backend == Backend.LOCAL ? settings.directory().resolve(leaf).toString()
                : S3ContractLocations.uri(testClass, settings.directory(), leaf);
        }

        public boolean remote() {
            return backend != Backend.LOCAL;
        }
    }

    private final Backend backend;

    protected LakeContractStores(Backend backend) {
        this.backend = backend;
    }

    /** A store for {@code settings} at {@code location}. */
    protected abstract MetadataStore newStore(Location location, FeatureGraph graph, StoreSettings settings);

    @Override
    public final MetadataStore newStore(Class<?> testClass, FeatureGraph graph, StoreSettings settings) {
        Map<String, String> options = backend == Backend.S3_OPTIONS ? LocalS3Server.get().storageOptions() : Map.of();
        Map<String, String> env = backend == Backend.S3_ENVIRONMENT ? LocalS3Server.get().environment() : Map.of();
        return newStore(new Location(backend, testClass, settings, options, env), graph, settings);
    }

    @Override
    public Set<HashAlgorithm> supportedHashAlgorithms() {
        return SUPPORTED;
    }

    @Override
    public Optional<HashAlgorithm> expectedDefaultHashAlgorithm() {
        return Optional.of(HashAlgorithm.XXHASH32);
    }

    @Override
    public boolean alwaysCreatesTables() {
        return true;
    }
}
