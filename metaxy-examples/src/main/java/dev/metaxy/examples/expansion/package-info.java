/**
 * The expansion example (1:N lineage).
 */
package dev.metaxy.examples.expansion;
