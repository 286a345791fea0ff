/**
 * The SQL orchestration every SQL store shares: {@link dev.metaxy.sql.SqlMetadataStore} (read, write, resolve,
 * delete, rebase) over a {@link dev.metaxy.sql.VersioningDialect}, the versioning engine that renders expected
 * rows and increments as SELECTs, and the JDBC session. Store authors extend it; users see it only through {@link
 * dev.metaxy.store.MetadataStore}.
 */
package dev.metaxy.sql;
