package dev.metaxy.postgres;

import dev.metaxy.frame.Frame;
import dev.metaxy.store.LazyFrame;
import java.nio.file.Path;
import java.util.function.Consumer;

/** A query on the store's PostgreSQL connection; it runs when collected, counted, streamed or exported. */
final class PostgresLazyFrame implements LazyFrame {
    private final PostgresMetadataStore store;
    private final String sql;
    private final PgFrames.ByFieldShape shape;

    PostgresLazyFrame(PostgresMetadataStore store, String sql, PgFrames.ByFieldShape shape) {
        this.store = store;
        this.sql = sql;
        this.shape = shape;
    }

    @Override
    public Frame collect() {
        return store.session().run(conn -> PgFrames.collect(conn, sql, shape));
    }

    @Override
    public long count() {
        return store.session().count(sql);
    }

    @Override
    public void stream(int batchRows, Consumer<Frame> consumer) {
        store.session().run(conn -> {
            PgFrames.stream(conn, sql, shape, batchRows, consumer);
            return null;
        });
    }

    /** Collects the result and writes it with an in-memory DuckDB (needs {@code org.duckdb:duckdb_jdbc} at runtime). */
    @Override
    public void writeParquet(Path file) {
        try (Frame f = collect()) {
            ParquetExport.write(f, file);
        }
    }

    @Override
    public String query() {
        return sql;
    }

    @Override
    public String toString() {
        return "PostgresLazyFrame(" + sql + ")";
    }
}
