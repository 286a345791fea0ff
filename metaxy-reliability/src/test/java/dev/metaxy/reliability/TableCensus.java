package dev.metaxy.reliability;

import java.util.Map;

/**
 * What a store physically holds at its location: every table with its row count (all versions, tombstones
 * included), and, for table formats, each table's committed version. Two equal censuses mean nothing was written.
 *
 * @param rows table name ({@code a__b}, system tables included) to physical row count
 * @param versions table name to its table-format version (empty for SQL stores, whose row counts say it all)
 */
record TableCensus(Map<String, Long> rows, Map<String, Long> versions) {
    TableCensus {
        rows = Map.copyOf(rows);
        versions = Map.copyOf(versions);
    }
}
