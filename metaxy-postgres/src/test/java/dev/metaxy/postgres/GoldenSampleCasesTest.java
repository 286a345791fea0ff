package dev.metaxy.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.testing.AbstractGoldenSampleCasesTest;
import dev.metaxy.testing.ConnectionWork;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every sample case of the golden vectors (Python Metaxy's expected rows), run as SQL in PostgreSQL with JSONB
 * by-field columns. Cases whose algorithm the store refuses (wyhash) must be refused with the supported list.
 */
class GoldenSampleCasesTest extends AbstractGoldenSampleCasesTest {
    @RegisterExtension
    static final PgTestDatabase DB = new PgTestDatabase("golden");

    @TestFactory
    Stream<DynamicTest> jsonbMode() throws IOException {
        // the supported list a refused case's message must name
        assertThat(PostgresDialect.SUPPORTED).containsExactlyInAnyOrder(HashAlgorithm.MD5, HashAlgorithm.SHA256,
            HashAlgorithm.XXHASH32, HashAlgorithm.XXHASH64);
        return sampleCases(PgTestSql.INSTANCE);
    }

    @Override
    protected void withConnection(ConnectionWork work) throws Exception {
        work.run(DB.connection());
    }
}
