package dev.metaxy.spark;

import dev.metaxy.frame.Frame;
import dev.metaxy.store.LazyFrame;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A Spark SQL query of the store: {@link #dataset()} is the distributed plan (nothing runs until an action);
 * {@link #collect()} brings the result to the driver as an Arrow frame.
 */
public final class SparkLazyFrame implements LazyFrame {
    private final SparkMetadataStore store;
    private final String sql;
    private final List<String> columns;

    SparkLazyFrame(SparkMetadataStore store, String sql) {
        this(store, sql, null);
    }

    /** A query whose output columns are known (saves an analysis when another query is built on it). */
    SparkLazyFrame(SparkMetadataStore store, String sql, List<String> columns) {
        this.store = store;
        this.sql = sql;
        this.columns = columns == null ? null : List.copyOf(columns);
    }

    /** The output column names (analysing the query only when they are not known). */
    public List<String> columns() {
        return columns != null ? columns : List.of(dataset().columns());
    }

    /** The query as a Spark Dataset (analysed now, executed by the caller's actions). */
    public Dataset<Row> dataset() {
        return store.sql(sql);
    }

    @Override
    public Frame collect() {
        return SparkFrames.toFrame(dataset());
    }

    @Override
    public long count() {
        return dataset().count();
    }

    @Override
    public void stream(int batchRows, Consumer<Frame> consumer) {
        Dataset<Row> ds = dataset();
        var schema = ds.schema();
        Iterator<Row> it = ds.toLocalIterator();
        List<Row> batch = new ArrayList<>();
        while (it.hasNext()) {
            batch.add(it.next());
            if (batch.size() >= Math.max(1, batchRows) || !it.hasNext()) {
                try (Frame f = SparkFrames.toFrame(store.spark().createDataFrame(batch, schema))) {
                    consumer.accept(f);
                }
                batch = new ArrayList<>();
            }
        }
    }

    /** Writes one Parquet file: Spark writes a single-partition directory, whose part file is moved to {@code file}. */
    @Override
    public void writeParquet(Path file) {
        Path dir = file.toAbsolutePath().resolveSibling(file.getFileName() + ".__metaxy_tmp");
        try {
            dataset().coalesce(1).write().mode("overwrite").parquet(dir.toUri().toString());
            try (Stream<Path> parts = Files.list(dir)) {
                Path part = parts.filter(p -> p.getFileName().toString().startsWith("part-") && p.toString().endsWith(".parquet"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("Spark wrote no Parquet part file in " + dir));
                Files.move(part, file.toAbsolutePath(), StandardCopyOption.REPLACE_EXISTING);
            }
            try (Stream<Path> rest = Files.walk(dir)) {
                rest.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String query() {
        return sql;
    }

    @Override
    public String toString() {
        return "SparkLazyFrame(" + sql + ")";
    }
}
