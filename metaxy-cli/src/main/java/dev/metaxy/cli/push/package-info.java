/**
 * {@code metaxy push}.
 */
package dev.metaxy.cli.push;
