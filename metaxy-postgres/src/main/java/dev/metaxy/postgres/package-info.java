/**
 * The PostgreSQL store: its SQL dialect (JSONB by-field columns, hash functions), COPY writes and Arrow reads.
 */
package dev.metaxy.postgres;
