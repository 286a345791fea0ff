/**
 * The example-overview runbook's features.
 */
package dev.metaxy.examples.overview;
