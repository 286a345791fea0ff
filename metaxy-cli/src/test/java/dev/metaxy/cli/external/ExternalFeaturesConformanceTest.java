package dev.metaxy.cli.external;

import static dev.metaxy.cli.external.PythonExternalProject.stage;
import static dev.metaxy.cli.external.PythonExternalProject.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.metaxy.cli.CliRun;
import dev.metaxy.config.MetaxyConfig;
import dev.metaxy.config.MetaxyWarnings;
import dev.metaxy.external.ExternalFeatureVersionMismatchException;
import dev.metaxy.frame.Frame;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.Increment;
import dev.metaxy.store.MetadataStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * External features as Python Metaxy 0.1.10 lives them ({@code shared/conformance/python-external}): a JVM downstream
 * project depends on features a Python project pushed to a shared DuckDB store. {@code metaxy lock} writes the very
 * file Python wrote; the lock's versions, {@code --sync}, {@code --locked}, {@code locked = true}, and every
 * {@code resolve_update} answer before and after the upstream change equal Python's.
 */
class ExternalFeaturesConformanceTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String MISMATCH_PREFIX = "ExternalFeatureVersionMismatchWarning: ";

    @TempDir
    Path root;

    @AfterEach
    void forgetConfig() {
        MetaxyConfig.reset();
    }

    // ------------------------------------------------------------------ metaxy lock

    @Test
    void lockOnTheLockedStoreWritesTheFilePythonWrote() throws Exception {
        Path project = PythonExternalProject.downstream(root, "store_locked.duckdb", null, "");
        CliRun.Result r = new CliRun(project).run("lock");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(changeLines(r.err())).containsExactlyElementsOf(strings(stage("locked").get("lock_changes")));
        assertThat(r.err()).contains("Updated metaxy.lock from shared (duckdb, " + root.resolve("store.duckdb") + ") in ");
        assertThat(Files.readString(project.resolve("metaxy.lock"))).isEqualTo(text("downstream/metaxy.lock"));
        assertThat(r.out()).isEmpty();

        CliRun.Result again = new CliRun(project).run("lock");
        assertThat(again.err()).startsWith("Lock file metaxy.lock is up to date (");
    }

    @Test
    void lockAfterTheUpstreamChangeReportsTheUpdateAndWritesPythonsSecondFile() throws Exception {
        Path project = PythonExternalProject.downstream(root, "store_changed.duckdb", "downstream/metaxy.lock", "");
        CliRun.Result r = new CliRun(project).run("lock");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(changeLines(r.err())).containsExactlyElementsOf(strings(stage("changed").get("lock_after_changes")));
        assertThat(Files.readString(project.resolve("metaxy.lock"))).isEqualTo(text(stage("changed").get("lock_after").asText()));
    }

    @Test
    void lockAsJsonListsTheChangesOnStdout() throws Exception {
        Path project = PythonExternalProject.downstream(root, "store_changed.duckdb", "downstream/metaxy.lock", "");
        CliRun.Result r = new CliRun(project).run("lock", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = MAPPER.readTree(r.out());
        assertThat(json.get("changed").asBoolean()).isTrue();
        assertThat(json.get("updated").get(0).get("key").asText()).isEqualTo("up/embedding");
        assertThat(json.get("updated").get(0).get("new_version").asText()).isEqualTo("3a43fd31");
        assertThat(json.get("unchanged").asInt()).isEqualTo(1);
    }

    // ------------------------------------------------------------------ stage "locked"

    @Test
    void withTheLockTheVersionsAndTheIncrementAreTheLocksAndPythons() throws Exception {
        JsonNode locked = stage("locked");
        Path project = PythonExternalProject.downstream(root, "store_locked.duckdb", "downstream/metaxy.lock", "");
        assertThat(versions(new CliRun(project).run("--all-projects", "list", "features", "--format", "json")))
            .isEqualTo(expectedVersions(locked.get("versions")));
        assertResolve(project, locked.get("resolve"), List.of());
    }

    // ------------------------------------------------------------------ stage "changed"

    @Test
    void withSyncOffTheLockDecides() throws Exception {
        JsonNode changed = stage("changed");
        Path project = PythonExternalProject.downstream(root, "store_changed.duckdb", "downstream/metaxy.lock", "sync = false\n");
        assertThat(versions(new CliRun(project).run("--all-projects", "list", "features", "--format", "json")))
            .isEqualTo(expectedVersions(changed.get("versions_lock")));
        assertResolve(project, changed.get("resolve_lock"), List.of());
    }

    @Test
    void withSyncTheStoreDecidesAndTheMismatchIsAWarning() throws Exception {
        JsonNode changed = stage("changed");
        Path project = PythonExternalProject.downstream(root, "store_changed.duckdb", "downstream/metaxy.lock", "");
        CliRun.Result r = new CliRun(project).run("--sync", "--all-projects", "list", "features", "--format", "json");
        assertThat(versions(r)).isEqualTo(expectedVersions(changed.get("versions_sync")));
        String warning = changed.get("resolve_sync").get("warnings").get(0).asText().substring(MISMATCH_PREFIX.length());
        assertThat(r.err()).isEqualTo("Warning: " + warning.stripTrailing() + "\n");
        assertResolve(project, changed.get("resolve_sync"), List.of(warning));
    }

    @Test
    void syncLockedFailsWithPythonsMessage() {
        JsonNode error = stage("changed").get("locked_error");
        Path project = PythonExternalProject.downstream(root, "store_changed.duckdb", "downstream/metaxy.lock", "");
        CliRun.Result r = new CliRun(project).run("--sync", "--locked", "list", "features");
        assertThat(r.exitCode()).isEqualTo(error.get("exit_code").asInt());
        assertThat(r.err()).isEqualTo("Error: " + error.get("message").asText() + "\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void lockedInTheConfigMakesResolveFail() {
        String expected = stage("changed").get("locked_config_resolve_error").asText();
        Path project = PythonExternalProject.downstream(root, "store_changed.duckdb", "downstream/metaxy.lock", "locked = true\n");
        MetaxyConfig config = MetaxyConfig.load(project.resolve("metaxy.toml"));
        try (MetadataStore store = config.getStore(null).open(AccessMode.READ)) {
            assertThatThrownBy(() -> store.resolveUpdate("down/score"))
                .isInstanceOf(ExternalFeatureVersionMismatchException.class)
                .hasMessage(expected.substring("ExternalFeatureVersionMismatchError: ".length()));
        }
    }

    // ------------------------------------------------------------------ stage "final"

    @Test
    void afterMoreUpstreamChangesTheSyncedIncrementIsPythons() throws Exception {
        JsonNode fin = stage("final");
        Path project = PythonExternalProject.downstream(root, "store.duckdb", "downstream/metaxy.lock", "");
        assertThat(versions(new CliRun(project).run("--sync", "--all-projects", "list", "features", "--format", "json")))
            .isEqualTo(expectedVersions(fin.get("versions_sync")));
        List<String> warnings = new ArrayList<>();
        fin.get("resolve_sync").get("warnings").forEach(w -> warnings.add(w.asText().substring(MISMATCH_PREFIX.length())));
        assertResolve(project, fin.get("resolve_sync"), warnings);
    }

    // ------------------------------------------------------------------ helpers

    /** resolve_update("down/score") through the Java API with the project's config, as Python's job ran it. */
    private static void assertResolve(Path project, JsonNode expected, List<String> expectedWarnings) {
        MetaxyConfig config = MetaxyConfig.load(project.resolve("metaxy.toml"));
        List<String> warnings = new ArrayList<>();
        try (MetaxyWarnings.Scope w = MetaxyWarnings.redirect(warnings::add);
             MetadataStore store = config.getStore(null).open(AccessMode.READ);
             Increment inc = store.resolveUpdate("down/score")) {
            assertThat(config.graph().versions().featureVersion("down/score")).isEqualTo(expected.get("feature_version").asText());
            assertThat(rows(inc.newSamples())).as("new").isEqualTo(expectedRows(expected.get("new")));
            assertThat(rows(inc.stale())).as("stale").isEqualTo(expectedRows(expected.get("stale")));
            assertThat(rows(inc.orphaned())).as("orphaned").isEqualTo(expectedRows(expected.get("orphaned")));
        }
        assertThat(warnings).isEqualTo(expectedWarnings);
    }

    private static List<String> changeLines(String stderr) {
        return stderr.lines().filter(l -> l.startsWith(" + ") || l.startsWith(" ~ ") || l.startsWith(" - ")).map(String::strip).toList();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** key → {version, is_external, project, fields {key: version}} from {@code list features --format json}. */
    private static Map<String, Map<String, Object>> versions(CliRun.Result r) throws Exception {
        assertThat(r.exitCode()).as(r.err()).isZero();
        Map<String, Map<String, Object>> out = new TreeMap<>();
        for (JsonNode f : MAPPER.readTree(r.out()).get("features")) {
            Map<String, String> fields = new TreeMap<>();
            f.get("fields").forEach(x -> fields.put(x.get("key").asText(), x.get("version").asText()));
            out.put(f.get("key").asText(), Map.of("version", f.get("version").asText(), "is_external", f.get("is_external").asBoolean(),
                "project", f.get("project").asText(), "fields", fields));
        }
        return out;
    }

    private static Map<String, Map<String, Object>> expectedVersions(JsonNode expected) {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        expected.fields().forEachRemaining(e -> {
            Map<String, String> fields = new TreeMap<>();
            e.getValue().get("fields").fields().forEachRemaining(x -> fields.put(x.getKey(), x.getValue().asText()));
            out.put(e.getKey(), Map.of("version", e.getValue().get("version").asText(),
                "is_external", e.getValue().get("is_external").asBoolean(), "project", e.getValue().get("project").asText(),
                "fields", fields));
        });
        return out;
    }

    /** sample_id → (provenance, provenance by field) of an increment part. */
    private static Map<String, List<Object>> rows(Frame frame) {
        Map<String, List<Object>> out = new TreeMap<>();
        for (Map<String, Object> row : frame.toRows()) {
            Map<String, String> byField = new TreeMap<>();
            ((Map<?, ?>) row.get("metaxy_provenance_by_field")).forEach((k, v) -> byField.put(k.toString(), v.toString()));
            out.put(row.get("sample_id").toString(), List.of(row.get("metaxy_provenance").toString(), byField));
        }
        return out;
    }

    private static Map<String, List<Object>> expectedRows(JsonNode rows) {
        Map<String, List<Object>> out = new TreeMap<>();
        for (JsonNode row : rows) {
            Map<String, String> byField = new TreeMap<>();
            row.get("metaxy_provenance_by_field").fields().forEachRemaining(e -> byField.put(e.getKey(), e.getValue().asText()));
            out.put(row.get("sample_id").asText(), List.of(row.get("metaxy_provenance").asText(), byField));
        }
        return out;
    }
}
