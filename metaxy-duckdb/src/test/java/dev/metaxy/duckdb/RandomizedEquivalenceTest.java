package dev.metaxy.duckdb;

import dev.metaxy.testing.AbstractRandomizedEquivalenceTest;
import dev.metaxy.testing.ConnectionWork;
import dev.metaxy.testing.SqlTestDialect;

/**
 * Seeded random graphs and data: for every non-root feature and every hash algorithm, the DuckDB expected rows
 * equal the reference engine's as multisets; odd seeds use MAP by-field columns, even ones STRUCT.
 */
class RandomizedEquivalenceTest extends AbstractRandomizedEquivalenceTest {
    @Override
    protected SqlTestDialect dialect(long seed) {
        return seed % 2 == 1 ? DuckDbTestSql.MAP : DuckDbTestSql.STRUCT;
    }

    @Override
    protected void withConnection(ConnectionWork work) throws Exception {
        DuckDbTestSql.withConnection(work);
    }
}
