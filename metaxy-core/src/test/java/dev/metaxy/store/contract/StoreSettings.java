package dev.metaxy.store.contract;

import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.store.MetadataStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a contract test asks of the store under test: the hash algorithm (null = the store's default), the Map
 * datatype flag, table auto-creation, the default materialization id, fallback stores (already built, not opened)
 * and a private directory the store may keep its files in (each call of the factory with a different
 * {@code directory} must give an independent store; the same directory must give the same data).
 */
public record StoreSettings(HashAlgorithm hashAlgorithm, boolean enableMapDatatype, boolean autoCreateTables,
                            String materializationId, List<MetadataStore> fallbackStores, Path directory) {

    public StoreSettings {
        fallbackStores = List.copyOf(fallbackStores);
        Objects.requireNonNull(directory, "directory");
    }

    /** xxhash64 (what the reference test fixtures use), struct by-field columns, auto-created tables, no fallbacks. */
    public static StoreSettings defaults(Path directory) {
        return new StoreSettings(HashAlgorithm.XXHASH64, false, true, null, List.of(), directory);
    }

    public StoreSettings withHashAlgorithm(HashAlgorithm algorithm) {
        return new StoreSettings(algorithm, enableMapDatatype, autoCreateTables, materializationId, fallbackStores, directory);
    }

    /** Lets the store pick its default algorithm. */
    public StoreSettings withStoreDefaultHashAlgorithm() {
        return withHashAlgorithm(null);
    }

    public StoreSettings withEnableMapDatatype(boolean enable) {
        return new StoreSettings(hashAlgorithm, enable, autoCreateTables, materializationId, fallbackStores, directory);
    }

    public StoreSettings withAutoCreateTables(boolean enable) {
        return new StoreSettings(hashAlgorithm, enableMapDatatype, enable, materializationId, fallbackStores, directory);
    }

    public StoreSettings withMaterializationId(String id) {
        return new StoreSettings(hashAlgorithm, enableMapDatatype, autoCreateTables, id, fallbackStores, directory);
    }

    public StoreSettings withFallbackStores(List<MetadataStore> stores) {
        return new StoreSettings(hashAlgorithm, enableMapDatatype, autoCreateTables, materializationId, stores, directory);
    }

    public StoreSettings withDirectory(Path dir) {
        return new StoreSettings(hashAlgorithm, enableMapDatatype, autoCreateTables, materializationId, fallbackStores, dir);
    }
}
