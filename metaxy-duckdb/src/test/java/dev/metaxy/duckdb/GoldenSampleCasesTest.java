package dev.metaxy.duckdb;

import dev.metaxy.testing.AbstractGoldenSampleCasesTest;
import dev.metaxy.testing.ConnectionWork;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every sample case of the golden vectors, run as SQL on DuckDB with STRUCT and with MAP by-field columns. */
class GoldenSampleCasesTest extends AbstractGoldenSampleCasesTest {
    @TestFactory
    Stream<DynamicTest> structMode() throws IOException {
        return sampleCases(DuckDbTestSql.STRUCT);
    }

    @TestFactory
    Stream<DynamicTest> mapMode() throws IOException {
        return sampleCases(DuckDbTestSql.MAP);
    }

    @Override
    protected void withConnection(ConnectionWork work) throws Exception {
        DuckDbTestSql.withConnection(work);
    }
}
