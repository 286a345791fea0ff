package dev.metaxy.postgres;

import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.testing.AbstractRandomizedEquivalenceTest;
import dev.metaxy.testing.ConnectionWork;
import dev.metaxy.testing.SqlTestDialect;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The seeded randomized comparison run in PostgreSQL: for every non-root feature of random graphs (identity,
 * aggregation, expansion, renames, selects, filters, optional deps) and every algorithm the store supports, the
 * PostgreSQL expected rows equal the reference engine's as multisets.
 */
class RandomizedEquivalenceTest extends AbstractRandomizedEquivalenceTest {
    @RegisterExtension
    static final PgTestDatabase DB = new PgTestDatabase("randomized");

    @Override
    protected SqlTestDialect dialect(long seed) {
        return PgTestSql.INSTANCE;
    }

    @Override
    protected Set<HashAlgorithm> algorithms() {
        return PostgresDialect.SUPPORTED;
    }

    @Override
    protected void withConnection(ConnectionWork work) throws Exception {
        work.run(DB.connection());
    }
}
