package dev.metaxy.duckdb;

import dev.metaxy.frame.Frame;
import dev.metaxy.store.LazyFrame;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.function.Consumer;

/** A query on the store's DuckDB connection; it runs when collected, counted, streamed or exported. */
final class DuckDbLazyFrame implements LazyFrame {
    private final DuckDbMetadataStore store;
    private final String sql;

    DuckDbLazyFrame(DuckDbMetadataStore store, String sql) {
        this.store = store;
        this.sql = sql;
    }

    @Override
    public Frame collect() {
        return store.session().run(conn -> ArrowImport.collect(conn, sql));
    }

    @Override
    public long count() {
        return store.session().count(sql);
    }

    @Override
    public void stream(int batchRows, Consumer<Frame> consumer) {
        store.session().run(conn -> {
            ArrowImport.stream(conn, sql, batchRows, consumer);
            return null;
        });
    }

    @Override
    public void writeParquet(Path file) {
        store.session().run(conn -> {
            try (Statement st = conn.createStatement()) {
                st.execute("COPY (" + sql + ") TO " + DuckDbDialect.STRUCT.stringLiteral(file.toAbsolutePath().toString()) + " (FORMAT PARQUET)");
            }
            return null;
        });
    }

    @Override
    public String query() {
        return sql;
    }

    @Override
    public String toString() {
        return "DuckDbLazyFrame(" + sql + ")";
    }
}
