package dev.metaxy.sql;

/**
 * The three increment queries: {@code newRows} and {@code staleRows} have the expected relation's columns,
 * {@code orphanedRows} the current relation's (collapsed per join key for expansion lineage).
 */
public record IncrementQueries(SqlRelation newRows, SqlRelation staleRows, SqlRelation orphanedRows) {
}
