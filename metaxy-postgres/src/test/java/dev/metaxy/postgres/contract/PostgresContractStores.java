package dev.metaxy.postgres.contract;

import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.postgres.PostgresDialect;
import dev.metaxy.postgres.PostgresMetadataStore;
import dev.metaxy.postgres.PostgresServer;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.StoreSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the PostgreSQL stores the contract classes run against: a fresh database per test class on the shared
 * throwaway server, and one schema per settings directory (same directory, same data; another directory, an
 * independent store). The algorithms are {@link PostgresDialect#SUPPORTED}; the default is xxhash32.
 */
final class PostgresContractStores implements ContractStores {
    static final PostgresContractStores INSTANCE = new PostgresContractStores();
    private static final Set<HashAlgorithm> SUPPORTED = EnumSet.copyOf(PostgresDialect.SUPPORTED);
    private static final Map<Class<?>, String> DATABASES = new ConcurrentHashMap<>();

    private PostgresContractStores() {
    }

    @Override
    public MetadataStore newStore(Class<?> testClass, FeatureGraph graph, StoreSettings settings) {
        String url = DATABASES.computeIfAbsent(testClass, c -> PostgresServer.get().freshDatabase(c.getSimpleName()));
        PostgresMetadataStore.Builder b = PostgresMetadataStore.builder(graph)
            .url(url)
            .schema(schemaOf(settings))
            .enableMapDatatype(settings.enableMapDatatype())
            .autoCreateTables(settings.autoCreateTables())
            .materializationId(settings.materializationId())
            .fallbackStores(settings.fallbackStores());
        if (settings.hashAlgorithm() != null) {
            b.hashAlgorithm(settings.hashAlgorithm());
        }
        return b.build();
    }

    private static String schemaOf(StoreSettings settings) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(settings.directory().toAbsolutePath().toString()
                .getBytes(StandardCharsets.UTF_8));
            return "s_" + HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
