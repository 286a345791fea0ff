package dev.metaxy.config;

import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.store.MetadataStore;
import java.util.Set;

/**
 * Creates metadata stores of one kind from {@code [stores.<name>]} entries. Store modules register an implementation
 * in {@code META-INF/services/dev.metaxy.config.StoreProvider}; core knows none of them.
 *
 * <p>{@link #typeNames()} lists every accepted {@code type} value: a short name ({@code duckdb}), the Java class's
 * simple and qualified names, and the reference's Python class paths so one {@code metaxy.toml} serves both
 * languages. {@link #optionNames()} lists the store-specific options; the options shared by all stores
 * ({@link StoreSpec#COMMON_OPTIONS}) are checked by core and must not be repeated.
 */
public interface StoreProvider {

    /** All {@code type} values this provider answers to (matched exactly). */
    Set<String> typeNames();

    /** Store-specific option names accepted under {@code [stores.<name>.config]}. */
    Set<String> optionNames();

    /** The algorithm a store of this kind uses when {@code hash_algorithm} is not configured. */
    HashAlgorithm defaultHashAlgorithm();

    /**
     * Creates a store (not yet opened). Invalid option values should be reported with
     * {@link StoreOptions} accessors, which throw {@link ConfigException}s naming the key.
     */
    MetadataStore create(StoreSpec spec);
}
