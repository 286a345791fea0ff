package dev.metaxy.spark.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metaxy.definition.FeatureDep;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.Lineage;
import dev.metaxy.definition.SystemColumns;
import dev.metaxy.frame.Frame;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.spark.SparkFrames;
import dev.metaxy.spark.SparkIncrement;
import dev.metaxy.spark.SparkMetadataStore;
import dev.metaxy.spark.SparkTestSession;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.ReadOptions;
import dev.metaxy.store.ResolveOptions;
import dev.metaxy.store.WriteOptions;
import dev.metaxy.versioning.ReferenceEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data spread over many partitions (and many files per table, from several writes): aggregation groups, expansion
 * parents and the samples to deduplicate all straddle partitions, and the store's Dataset results must equal the
 * reference engine's over the same rows.
 */
class SparkPartitionedResolveTest {
    private static final int PARTITIONS = 8;

    @TempDir
    Path dir;

    private final SparkSession spark = SparkTestSession.get();

    private static final FeatureSpec READINGS = FeatureSpec.builder("part/readings").idColumns("sensor_id", "reading_id")
        .field("temperature", "1").field("humidity", "1").build();
    private static final FeatureSpec STATS = FeatureSpec.builder("part/stats").idColumns("sensor_id")
        .dependsOn(FeatureDep.on(READINGS.key()).lineage(Lineage.aggregation("sensor_id")))
        .field("avg_temp", "1").build();
    private static final FeatureSpec VIDEO = FeatureSpec.builder("part/video").idColumns("video_id").field("content", "1").build();
    private static final FeatureSpec FRAMES = FeatureSpec.builder("part/frames").idColumns("video_id", "frame_id")
        .dependsOn(FeatureDep.on(VIDEO.key()).lineage(Lineage.expansion("video_id")))
        .field("frames", "1").build();

    private SparkMetadataStore store() {
        FeatureGraph g = FeatureGraph.of(List.of(READINGS, STATS, VIDEO, FRAMES));
        return SparkMetadataStore.builder(g).spark(spark).rootPath(dir).hashAlgorithm(HashAlgorithm.XXHASH64)
            .autoCreateTables(true).build();
    }

    /** Readings of 12 sensors x 10 readings, each sensor's rows spread round-robin over all partitions. */
    private Dataset<Row> readings(String version) {
        return spark.sql("SELECT concat('s', CAST(id % 12 AS STRING)) AS sensor_id, concat('r', CAST(id AS STRING)) AS reading_id, "
            + "named_struct('temperature', concat('t', CAST(id AS STRING), '" + version + "'), 'humidity', concat('h', CAST(id % 3 AS STRING))) "
            + "AS metaxy_provenance_by_field FROM range(120)").repartition(PARTITIONS);
    }

    @Test
    void aggregationAcrossPartitionsEqualsTheReferenceAndDedupHoldsAcrossFiles() {
        SparkMetadataStore s = store();
        try (var w = s.open(AccessMode.WRITE)) {
            Dataset<Row> first = readings("a");
            assertThat(first.rdd().getNumPartitions()).isEqualTo(PARTITIONS);
            s.writeDataset(READINGS.key(), first, WriteOptions.defaults());
            s.writeDataset(READINGS.key(), first, WriteOptions.defaults()); // every sample twice, in other files
            // sensor s1's readings change (a third write of some samples)
            s.writeDataset(READINGS.key(), readings("b").where("sensor_id = 's1'"), WriteOptions.defaults());

            assertThat(s.readDataset(READINGS.key(), ReadOptions.defaults().withSampleHistory()).count()).isEqualTo(250);
            Dataset<Row> current = s.readDataset(READINGS.key());
            assertThat(current.count()).isEqualTo(120);
            assertThat(current.where("sensor_id = 's1' AND metaxy_provenance_by_field.temperature LIKE '%b'").count()).isEqualTo(10);

            SparkIncrement inc = s.resolveUpdateDatasets(STATS.key(), ResolveOptions.defaults());
            Dataset<Row> newRows = inc.newSamples().repartition(PARTITIONS);
            assertThat(newRows.count()).isEqualTo(120); // aggregation keeps one row per upstream row
            List<Map<String, Object>> expected = reference(s, STATS.key(), Map.of(READINGS.key(), collect(current)));
            assertSameVersioning(collect(newRows), expected, List.of("sensor_id", "reading_id"));
            assertThat(inc.stale().count()).isZero();
            assertThat(inc.orphaned().count()).isZero();

            s.writeDataset(STATS.key(), newRows, WriteOptions.defaults());
            assertThat(s.resolveUpdateDatasets(STATS.key(), ResolveOptions.defaults()).newSamples().count()).isZero();
            // one reading of sensor s5 changes: its 10 rows (spread over partitions) become stale, nothing else
            s.writeDataset(READINGS.key(), readings("c").where("reading_id = 'r5'"), WriteOptions.defaults());
            SparkIncrement after = s.resolveUpdateDatasets(STATS.key(), ResolveOptions.defaults());
            assertThat(after.newSamples().count()).isZero();
            assertThat(after.stale().select("sensor_id").distinct().collectAsList()).extracting(r -> r.getString(0))
                .containsExactly("s5");
            assertThat(after.stale().count()).isEqualTo(10);
            List<Map<String, Object>> expectedAfter = reference(s, STATS.key(),
                Map.of(READINGS.key(), collect(s.readDataset(READINGS.key()))));
            assertSameVersioning(collect(after.stale()), expectedAfter.stream().filter(r -> r.get("sensor_id").equals("s5")).toList(),
                List.of("sensor_id", "reading_id"));
        }
    }

    @Test
    void expansionAcrossPartitionsCollapsesChildrenPerParent() {
        SparkMetadataStore s = store();
        try (var w = s.open(AccessMode.WRITE)) {
            Dataset<Row> videos = spark.sql("SELECT concat('v', CAST(id AS STRING)) AS video_id, "
                + "named_struct('content', concat('c', CAST(id AS STRING))) AS metaxy_provenance_by_field FROM range(20)")
                .repartition(PARTITIONS);
            s.writeDataset(VIDEO.key(), videos, WriteOptions.defaults());
            SparkIncrement first = s.resolveUpdateDatasets(FRAMES.key(), ResolveOptions.defaults());
            assertThat(first.newSamples().count()).isEqualTo(20);
            List<Map<String, Object>> expected = reference(s, FRAMES.key(), Map.of(VIDEO.key(), collect(s.readDataset(VIDEO.key()))));
            assertSameVersioning(collect(first.newSamples()), expected, List.of("video_id"));
            // 7 frames per video, spread over partitions, written twice
            first.newSamples().createOrReplaceTempView("parents");
            Dataset<Row> children = spark.sql("SELECT p.video_id, f.id AS frame_id, p.metaxy_provenance_by_field, p.metaxy_provenance, "
                + "p.metaxy_data_version_by_field, p.metaxy_data_version FROM parents p CROSS JOIN range(7) f").repartition(PARTITIONS);
            s.writeDataset(FRAMES.key(), children, WriteOptions.defaults());
            s.writeDataset(FRAMES.key(), children, WriteOptions.defaults());
            SparkIncrement none = s.resolveUpdateDatasets(FRAMES.key(), ResolveOptions.defaults());
            assertThat(none.newSamples().count() + none.stale().count() + none.orphaned().count()).isZero();

            s.writeDataset(VIDEO.key(), videos.where("video_id IN ('v3', 'v11')").selectExpr("video_id",
                "named_struct('content', concat(metaxy_provenance_by_field.content, '-new')) AS metaxy_provenance_by_field"),
                WriteOptions.defaults());
            s.delete(VIDEO.key(), dev.metaxy.expr.Expressions.in("video_id", "v7", "v8"), dev.metaxy.store.DeleteOptions.hard());
            SparkIncrement inc = s.resolveUpdateDatasets(FRAMES.key(), ResolveOptions.defaults());
            assertThat(inc.newSamples().count()).isZero();
            assertThat(inc.stale().select("video_id").collectAsList()).extracting(r -> r.getString(0))
                .containsExactlyInAnyOrder("v3", "v11");
            assertThat(inc.orphaned().select("video_id").collectAsList()).extracting(r -> r.getString(0))
                .containsExactlyInAnyOrder("v7", "v8");
        }
    }

    private static List<Map<String, Object>> reference(SparkMetadataStore s, FeatureKey target,
                                                       Map<FeatureKey, List<Map<String, Object>>> upstream) {
        return new ReferenceEngine(s.graph(), s.hashAlgorithm()).expected(target, upstream, Map.of());
    }

    private static List<Map<String, Object>> collect(Dataset<Row> ds) {
        try (Frame f = SparkFrames.toFrame(ds)) {
            return f.toRows();
        }
    }

    private static void assertSameVersioning(List<Map<String, Object>> actual, List<Map<String, Object>> expected, List<String> ids) {
        List<String> cols = new ArrayList<>(ids);
        cols.addAll(SystemColumns.VERSIONING);
        assertThat(multiset(actual, cols)).isEqualTo(multiset(expected, cols));
    }

    private static Map<Map<String, Object>, Integer> multiset(List<Map<String, Object>> rows, List<String> cols) {
        Map<Map<String, Object>, Integer> out = new HashMap<>();
        for (Map<String, Object> r : rows) {
            Map<String, Object> p = new TreeMap<>();
            for (String c : cols) {
                Object v = r.get(c);
                p.put(c, v instanceof Map<?, ?> m ? new TreeMap<>(m) : v instanceof Integer i ? (Object) i.longValue() : v);
            }
            out.merge(p, 1, Integer::sum);
        }
        return out;
    }

    @SuppressWarnings("unused")
    private static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
