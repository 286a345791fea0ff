/**
 * {@code metaxy.toml}: discovery, {@code extend}, variable expansion, {@code METAXY_*} overrides, {@code .env};
 * stores built from it through the {@link dev.metaxy.config.StoreProvider} service; entrypoints and the lock file
 * loaded into the graph; library warnings.
 */
package dev.metaxy.config;
