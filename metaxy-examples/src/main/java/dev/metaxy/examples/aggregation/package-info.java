/**
 * The aggregation example (N:1 lineage).
 */
package dev.metaxy.examples.aggregation;
