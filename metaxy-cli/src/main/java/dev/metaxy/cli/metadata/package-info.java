/**
 * {@code metaxy metadata}: status, resolve, write, read, delete, rebase, copy.
 */
package dev.metaxy.cli.metadata;
