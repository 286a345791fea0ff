package dev.metaxy.reliability;

import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.spark.SparkMetadataStore;
import dev.metaxy.spark.SparkSessions;
import dev.metaxy.store.MetadataStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * How the reliability tests run the Spark store (format delta, local master). In the test JVM every store joins one
 * shared local session (started once, like metaxy-spark's tests); in a child JVM ({@code -Dmetaxy.reliability.child})
 * the store starts its own local session, as a job would, and stops it when it closes.
 */
final class SparkKind {
    /** Set in child JVMs by {@link ChildJvm}. */
    static final String CHILD_PROPERTY = "metaxy.reliability.child";
    private static SparkSession shared;

    private SparkKind() {
    }

    /** Cheap settings for small local data; Delta statistics stay on (the Kernel census counts rows from them). */
    static Map<String, String> conf() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("spark.sql.shuffle.partitions", "2");
        c.put("spark.default.parallelism", "2");
        c.put("spark.ui.showConsoleProgress", "false");
        c.put("spark.databricks.delta.snapshotPartitions", "2");
        c.put("spark.sql.codegen.wholeStage", "false");
        c.put("spark.sql.codegen.factoryMode", "NO_CODEGEN");
        c.put("spark.sql.adaptive.enabled", "false");
        c.put("spark.ui.retainedJobs", "20");
        c.put("spark.ui.retainedStages", "20");
        c.put("spark.ui.retainedTasks", "200");
        c.put("spark.sql.ui.retainedExecutions", "20");
        c.put("spark.databricks.delta.writeChecksumFile.enabled", "false");
        c.put("spark.databricks.delta.history.metricsEnabled", "false");
        return c;
    }

    static MetadataStore build(FeatureGraph graph, String location, HashAlgorithm algorithm) {
        SparkMetadataStore.Builder b = SparkMetadataStore.builder(graph).rootPath(location).hashAlgorithm(algorithm)
            .autoCreateTables(true);
        if (Boolean.getBoolean(CHILD_PROPERTY)) {
            return b.master("local[2]").sparkConf(conf()).build();
        }
        return b.spark(shared()).build();
    }

    private static synchronized SparkSession shared() {
        if (shared == null) {
            shared = SparkSessions.getOrCreate("local[2]", conf(), SparkMetadataStore.Format.DELTA);
            shared.sparkContext().setLogLevel("WARN");
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        }
        return shared;
    }

    /** The store's temporary views in its session. */
    static List<String> temporaryViews(MetadataStore open) {
        SparkSession s = ((SparkMetadataStore) open).spark();
        return Stream.of(s.sqlContext().tableNames()).filter(n -> n.startsWith("__metaxy_")).toList();
    }

    /** This JVM's module openings and reflection flag, for a child JVM that runs Spark. */
    static List<String> jvmFlags() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect")).toList();
    }

    /**
     * After the store closed (in a child JVM): whether a Spark session is still running, and how many of Spark's
     * block-manager directories are left under {@code java.io.tmpdir}.
     */
    static String stateAfterClose() {
        boolean running = SparkSession.getActiveSession().isDefined() || SparkSession.getDefaultSession().isDefined();
        try (Stream<Path> walk = Files.walk(Path.of(System.getProperty("java.io.tmpdir")))) {
            long blockManagers = walk.filter(p -> p.getFileName().toString().startsWith("blockmgr-")).count();
            return "SPARK running=" + running + " blockmgr=" + blockManagers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
