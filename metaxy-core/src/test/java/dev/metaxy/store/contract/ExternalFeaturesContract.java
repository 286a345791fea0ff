package dev.metaxy.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.metaxy.config.FeatureSelectionConfig;
import dev.metaxy.config.MetaxyConfig;
import dev.metaxy.config.MetaxyWarnings;
import dev.metaxy.definition.DefinitionJson;
import dev.metaxy.definition.FeatureDefinition;
import dev.metaxy.expr.Expressions;
import dev.metaxy.external.ExternalFeatureVersionMismatchException;
import dev.metaxy.external.ExternalFeatures;
import dev.metaxy.external.LockChanges;
import dev.metaxy.external.LockFile;
import dev.metaxy.external.LockGeneration;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.store.DeleteOptions;
import dev.metaxy.store.Increment;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.system.GraphSnapshots;
import dev.metaxy.testing.SharedFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Two projects sharing this store, as Python Metaxy 0.1.10 lived it ({@code shared/conformance/python-external}),
 * replayed through the Java API: project {@code upstream} pushes {@code up/audio} and {@code up/embedding} (code
 * version 1, then 2) and writes their rows; project {@code downstream} depends on {@code up/embedding}, locks the
 * upstream features and computes {@code down/score}. On every store the lock file is the one Python
 * wrote (but the schemas' key order, see {@link #assertSameLock}), and every version, increment, warning and error
 * equals Python's answer.
 */
public abstract class ExternalFeaturesContract extends StoreContract {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path FIXTURE = SharedFiles.goldenVectors().getParent().resolve("python-external");
    private static final FeatureSelectionConfig UPSTREAM = new FeatureSelectionConfig(List.of("upstream"), List.of(), false);

    private Path shared;

    @Test
    void pythonsTwoProjectHistoryGivesPythonsLockVersionsAndIncrements() throws Exception {
        shared = dir("shared");
        JsonNode stages = MAPPER.readTree(FIXTURE.resolve("expected.json").toFile()).get("stages");
        Path lockFile = dir("downstream").resolve("metaxy.lock");

        // stage "locked": upstream v1 pushed and materialised, downstream s01..s05, then `metaxy lock`
        upstreamJob("upstream_v1", "locked", Set.of());
        downstreamJob(Set.of("s06"));
        LockChanges first = withDownstream(null, s -> LockGeneration.generate(s, lockFile, "downstream", UPSTREAM));
        assertThat(lines(first)).containsExactlyElementsOf(strings(stages.get("locked").get("lock_changes")));
        assertSameLock(lockFile, FIXTURE.resolve("downstream/metaxy.lock"));
        assertIncrement(lockFile, "", stages.get("locked").get("resolve"), List.of());

        // stage "changed": upstream v2 pushed, audio s02 rewritten and s07 added, embedding re-materialised but s05
        upstreamJob("upstream_v2", "changed", Set.of("s05"));
        assertIncrement(lockFile, "sync = false\n", stages.get("changed").get("resolve_lock"), List.of());
        assertIncrement(lockFile, "", stages.get("changed").get("resolve_sync"), warnings(stages.get("changed").get("resolve_sync")));
        String lockedError = stages.get("changed").get("locked_config_resolve_error").asText();
        withDownstream(config(lockFile, "locked = true\n"), s -> {
            assertThatThrownBy(() -> s.resolveUpdate("down/score")).isInstanceOf(ExternalFeatureVersionMismatchException.class)
                .hasMessage(lockedError.substring(lockedError.indexOf(": ") + 2));
            return null;
        });
        Path relock = dir("relock").resolve("metaxy.lock");
        Files.copy(lockFile, relock);
        LockChanges second = withDownstream(null, s -> LockGeneration.generate(s, relock, "downstream", UPSTREAM));
        assertThat(lines(second)).containsExactlyElementsOf(strings(stages.get("changed").get("lock_after_changes")));
        assertSameLock(relock, FIXTURE.resolve("downstream/metaxy.lock.synced"));

        // stage "final": downstream at the new versions but s07; audio s03 rewritten; embedding s05 and s03; s01 deleted
        downstreamJob(Set.of("s07"));
        upstreamJob("upstream_v2", "final", Set.of());
        withStore(upstreamGraph("upstream_v2"), s -> s.delete("up/embedding", Expressions.equal("sample_id", "s01"),
            DeleteOptions.soft()));
        JsonNode fin = stages.get("final").get("resolve_sync");
        assertIncrement(lockFile, "", fin, warnings(fin));
    }

    /**
     * The lock written here holds Python's definitions and versions, and its text is Python's line for line except
     * the feature schemas' key order: the upstream definitions come from JSON files with sorted keys, so the order
     * Python's classes gave the schema (kept in the string, not in any version) is not known here. The byte-for-byte
     * comparison over Python's own store is {@code ExternalFeaturesConformanceTest} in metaxy-cli.
     */
    private static void assertSameLock(Path ours, Path pythons) throws IOException {
        assertThat(LockFile.read(ours).features()).isEqualTo(LockFile.read(pythons).features());
        assertThat(withoutSchemas(Files.readString(ours))).isEqualTo(withoutSchemas(Files.readString(pythons)));
    }

    private static List<String> withoutSchemas(String lock) {
        return lock.lines().filter(l -> !l.startsWith("feature_schema = ")).toList();
    }

    // ------------------------------------------------------------------ the two projects' jobs

    /** Pushes the upstream definitions, writes this stage's audio rows and materialises the embedding but {@code skip}. */
    private void upstreamJob(String definitions, String stage, Set<String> skip) {
        withStore(upstreamGraph(definitions), s -> {
            new GraphSnapshots(s).push("upstream", Map.of());
            write(s, "up/audio", audioRows(stage));
            pause();
            writeIncrement(s, "up/embedding", skip);
            return null;
        });
    }

    /** The downstream job: syncs the upstream features from the store and materialises down/score but {@code skip}. */
    private void downstreamJob(Set<String> skip) {
        withDownstream(null, s -> {
            ExternalFeatures.sync(s, UPSTREAM, null);
            writeIncrement(s, "down/score", skip);
            return null;
        });
    }

    private static void writeIncrement(MetadataStore s, String feature, Set<String> skip) {
        try (Increment inc = s.resolveUpdate(feature)) {
            List<Map<String, Object>> rows = new ArrayList<>(inc.newSamples().toRows());
            rows.addAll(inc.stale().toRows());
            rows.removeIf(r -> skip.contains(String.valueOf(r.get("sample_id"))));
            if (!rows.isEmpty()) {
                write(s, feature, rows);
            }
        }
        pause();
    }

    // ------------------------------------------------------------------ checks

    /** resolve_update("down/score") with the lock and {@code extraToml} in the configuration, against Python's answer. */
    private void assertIncrement(Path lockFile, String extraToml, JsonNode expected, List<String> expectedWarnings) {
        List<String> warnings = new ArrayList<>();
        MetaxyConfig config = config(lockFile, extraToml);
        try (MetaxyWarnings.Scope w = MetaxyWarnings.redirect(warnings::add)) {
            withDownstream(config, s -> {
                try (Increment inc = s.resolveUpdate("down/score")) {
                    assertThat(s.graph().versions().featureVersion("down/score")).isEqualTo(expected.get("feature_version").asText());
                    assertThat(rows(inc.newSamples().toRows())).as("new").isEqualTo(expectedRows(expected.get("new")));
                    assertThat(rows(inc.stale().toRows())).as("stale").isEqualTo(expectedRows(expected.get("stale")));
                    assertThat(rows(inc.orphaned().toRows())).as("orphaned").isEqualTo(expectedRows(expected.get("orphaned")));
                }
                return null;
            });
        }
        assertThat(warnings).isEqualTo(expectedWarnings);
    }

    /** The downstream project's configuration: the lock beside it, Python's project settings, {@code extraToml}. */
    private MetaxyConfig config(Path lockFile, String extraToml) {
        String lock = lockFile == null ? "" : "metaxy_lock_path = \"" + lockFile.toString().replace("\\", "/") + "\"\n";
        return MetaxyConfig.fromToml("project = \"downstream\"\n" + lock + extraToml
            + "[[extra_features]]\nprojects = [\"upstream\"]\n", shared, Map.of());
    }

    /**
     * Runs {@code work} as the downstream project: its configuration current ({@code config}, or one without a lock
     * file when null), and the store over its graph (its definition, plus the lock's placeholders when there is one).
     */
    private <T> T withDownstream(MetaxyConfig config, StoreWork<T> work) {
        MetaxyConfig effective = config != null ? config : config(null, "");
        FeatureGraph g = new FeatureGraph();
        effective.lockFile().ifPresent(f -> LockFile.read(f).externalDefinitions().forEach(g::register));
        definitions(FIXTURE.resolve("downstream/downstream_features.json")).forEach(g::register);
        try (MetaxyConfig.Scope scope = effective.use()) {
            return withStore(g, work);
        }
    }

    private <T> T withStore(FeatureGraph g, StoreWork<T> work) {
        MetadataStore s = store(g, settings().withHashAlgorithm(HashAlgorithm.MD5).withDirectory(shared));
        try (var open = openW(s)) {
            return work.run(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface StoreWork<T> {
        T run(MetadataStore s) throws IOException;
    }

    private static FeatureGraph upstreamGraph(String folder) {
        FeatureGraph g = new FeatureGraph();
        definitions(FIXTURE.resolve(folder).resolve("upstream_features.json")).forEach(g::register);
        return g;
    }

    private static List<FeatureDefinition> definitions(Path file) {
        return DefinitionJson.readFile(file);
    }

    /** The rows Python's upstream job wrote to the root feature up/audio in {@code stage}. */
    private static List<Map<String, Object>> audioRows(String stage) {
        try (InputStream in = ExternalFeaturesContract.class.getResourceAsStream("/python-external/up_audio_writes.json")) {
            for (JsonNode batch : MAPPER.readTree(in).get("batches")) {
                if (batch.get("stage").asText().equals(stage)) {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (JsonNode r : batch.get("rows")) {
                        Map<String, String> pbf = new TreeMap<>();
                        r.get(PBF).fields().forEachRemaining(e -> pbf.put(e.getKey(), e.getValue().asText()));
                        rows.add(row("sample_id", r.get("sample_id").asText(), PBF, pbf));
                    }
                    return rows;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no audio rows for stage " + stage);
    }

    private static List<String> warnings(JsonNode resolve) {
        List<String> out = new ArrayList<>();
        resolve.get("warnings").forEach(w -> out.add(w.asText().substring(w.asText().indexOf(": ") + 2)));
        return out;
    }

    private static List<String> lines(LockChanges c) {
        List<String> out = new ArrayList<>();
        c.added().forEach(a -> out.add("+ " + a.key() + " (" + a.version() + ")"));
        c.updated().forEach(u -> out.add("~ " + u.key() + " (" + u.oldVersion() + " -> " + u.newVersion() + ")"));
        c.removed().forEach(r -> out.add("- " + r.key() + " (" + r.version() + ")"));
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** sample_id → [provenance, provenance by field]. */
    private static Map<String, List<Object>> rows(List<Map<String, Object>> rows) {
        Map<String, List<Object>> out = new TreeMap<>();
        for (Map<String, Object> row : rows) {
            Map<String, String> byField = new TreeMap<>();
            Object pbf = norm(row.get(PBF));
            ((Map<?, ?>) pbf).forEach((k, v) -> byField.put(k.toString(), v.toString()));
            out.put(row.get("sample_id").toString(), List.of(row.get(PROV).toString(), byField));
        }
        return out;
    }

    private static Map<String, List<Object>> expectedRows(JsonNode rows) {
        Map<String, List<Object>> out = new TreeMap<>();
        for (JsonNode row : rows) {
            Map<String, String> byField = new TreeMap<>();
            row.get(PBF).fields().forEachRemaining(e -> byField.put(e.getKey(), e.getValue().asText()));
            out.put(row.get("sample_id").asText(), List.of(row.get(PROV).asText(), byField));
        }
        return out;
    }
}
