/**
 * The metadata-store API users call: {@link dev.metaxy.store.MetadataStore}, its options, increments, lazy frames,
 * the buffered writer and copy; {@link dev.metaxy.store.AbstractMetadataStore} is the base store authors extend.
 */
package dev.metaxy.store;
