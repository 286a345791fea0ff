/**
 * The filter-expression language of {@code --filter} and the API: parser, printer, SQL rendering through a
 * dialect, and in-memory evaluation.
 */
package dev.metaxy.expr;
