/**
 * The {@code metaxy} command (picocli): global options, the per-command context (configuration, graph, stores),
 * error reporting and output formats.
 */
package dev.metaxy.cli;
