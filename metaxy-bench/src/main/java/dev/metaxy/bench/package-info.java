/**
 * The resolve_update benchmark of the paper (simple and wide graphs, new and stale phases), the hand-written SQL
 * floor beside it, write throughput and peak heap; run with {@code bin/metaxy-bench}.
 */
package dev.metaxy.bench;
