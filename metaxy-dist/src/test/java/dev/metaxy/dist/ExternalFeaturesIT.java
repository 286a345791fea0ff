package dev.metaxy.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metaxy.testing.SharedFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM team's downstream project over the store a Python project pushed to ({@code shared/conformance/python-external}),
 * run as a user does: the unpacked {@code bin/metaxy} in the project folder, the store beside it by relative path,
 * as in the Python project's own metaxy.toml. {@code metaxy lock} writes Python's file; {@code metadata resolve}
 * gives Python's increments with the lock and, after the upstream changed, with {@code --sync}; {@code --locked} fails.
 */
class ExternalFeaturesIT {
    private static final Path FIXTURE = SharedFiles.goldenVectors().getParent().resolve("python-external");

    @TempDir
    Path team;

    private UserProject downstream(String storeFile) throws Exception {
        Files.copy(FIXTURE.resolve(storeFile), team.resolve("store.duckdb"), StandardCopyOption.REPLACE_EXISTING);
        UserProject p = new UserProject(team.resolve("downstream"), "");
        p.write("downstream_features.json", Files.readString(FIXTURE.resolve("downstream/downstream_features.json")));
        p.write("metaxy.toml", """
            project = "downstream"
            entrypoints = ["downstream_features.json"]
            store = "shared"

            [[extra_features]]
            projects = ["upstream"]

            [stores.shared]
            type = "duckdb"

            [stores.shared.config]
            database = "../store.duckdb"
            hash_algorithm = "md5"
            """);
        return p;
    }

    @Test
    void lockResolveAndSyncAgainstPythonsStore() throws Exception {
        JsonNode expected = UserProject.JSON.readTree(FIXTURE.resolve("expected.json").toFile()).get("stages");
        UserProject p = downstream("store_locked.duckdb");
        Distribution.Result lock = p.run("lock");
        assertThat(lock.exitCode()).as(lock.err()).isZero();
        assertThat(lock.err()).contains(" + up/audio (e2a7ebfa)", " + up/embedding (3c566dc3)", "Updated metaxy.lock from shared");
        assertThat(Files.readString(p.dir().resolve("metaxy.lock")))
            .isEqualTo(Files.readString(FIXTURE.resolve("downstream/metaxy.lock")));
        assertThat(ids(p.json("metadata", "resolve", "down/score"), "new")).containsExactly("s06");

        Files.copy(FIXTURE.resolve("store.duckdb"), team.resolve("store.duckdb"), StandardCopyOption.REPLACE_EXISTING);
        Distribution.Result synced = p.run("--sync", "metadata", "resolve", "down/score");
        assertThat(synced.exitCode()).as(synced.err()).isZero();
        assertThat(synced.err()).contains("Warning: Version mismatch detected for 1 external feature(s).");
        JsonNode increment = UserProject.JSON.readTree(synced.out());
        JsonNode answer = expected.get("final").get("resolve_sync");
        for (String part : List.of("new", "stale", "orphaned")) {
            assertThat(ids(increment, part)).as(part).isEqualTo(ids(answer, part));
        }

        Distribution.Result locked = p.run("--sync", "--locked", "list", "features");
        assertThat(locked.exitCode()).isEqualTo(1);
        assertThat(locked.err()).startsWith("Error: Version mismatch detected for 1 external feature(s).")
            .contains("feature version: expected '3c566dc3', got '3a43fd31'");
        assertThat(locked.out()).isEmpty();

        Distribution.Result relock = p.run("lock");
        assertThat(relock.err()).contains(" ~ up/embedding (3c566dc3 -> 3a43fd31)");
        assertThat(Files.readString(p.dir().resolve("metaxy.lock")))
            .isEqualTo(Files.readString(FIXTURE.resolve("downstream/metaxy.lock.synced")));
    }

    private static List<String> ids(JsonNode increment, String part) {
        List<String> out = new ArrayList<>();
        increment.get(part).forEach(r -> out.add(r.get("sample_id").asText()));
        out.sort(null);
        return out;
    }
}
