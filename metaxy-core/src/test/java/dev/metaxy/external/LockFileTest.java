package dev.metaxy.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metaxy.definition.FeatureDefinition;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.testing.SharedFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code metaxy.lock} as Python Metaxy 0.1.10 writes it ({@code shared/conformance/python-external/downstream}). */
class LockFileTest {
    private static final Path FOLDER = SharedFiles.goldenVectors().getParent().resolve("python-external/downstream");

    @Test
    void pythonsLockReadsAndWritesBackByteForByte() throws Exception {
        for (String name : List.of("metaxy.lock", "metaxy.lock.synced")) {
            String text = Files.readString(FOLDER.resolve(name));
            assertThat(LockFile.parse(text, null).toToml()).as(name).isEqualTo(text);
        }
    }

    @Test
    void lockedDefinitionsAreExternalPlaceholdersWhoseVersionsAreTheLocked() {
        LockFile lock = LockFile.read(FOLDER.resolve("metaxy.lock"));
        assertThat(lock.features()).containsOnlyKeys("up/audio", "up/embedding");
        FeatureGraph graph = new FeatureGraph();
        lock.externalDefinitions().forEach(graph::register);
        for (FeatureDefinition d : graph.definitions()) {
            assertThat(d.isExternal()).isTrue();
            assertThat(d.source()).contains("metaxy.lock");
            assertThat(d.project()).contains("upstream");
            LockFile.LockedFeature locked = lock.features().get(d.key().toString());
            assertThat(graph.versions().featureVersion(d.key())).isEqualTo(locked.version());
            assertThat(graph.versions().fieldVersions(d.key())).isEqualTo(locked.versionByField());
            assertThat(graph.versions().definitionVersion(d.key())).isEqualTo(locked.definitionVersion());
        }
        assertThat(lock.features().get("up/embedding").version()).isEqualTo("3c566dc3");
    }

    @Test
    void anEmptyLockIsAnEmptyFeaturesTable() {
        LockFile empty = new LockFile(List.of());
        assertThat(empty.toToml()).isEqualTo(LockFile.HEADER + "[features]\n");
        assertThat(LockFile.parse(empty.toToml(), null).features()).isEmpty();
    }

    @Test
    void unknownKeysAreRefusedWithTheRegenerateHint(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("metaxy.lock");
        Files.writeString(file, Files.readString(FOLDER.resolve("metaxy.lock"))
            .replace("[features.\"up/audio\".info]\n", "[features.\"up/audio\".info]\nextra = 1\n"));
        assertThatThrownBy(() -> LockFile.read(file)).isInstanceOf(LockFileException.class)
            .hasMessage("Invalid lock file (" + file + "): unknown key 'features.\"up/audio\".info.extra'. "
                + "Try regenerating it with `metaxy lock`.");
    }

    @Test
    void brokenTomlAndMissingPartsAreRefused() {
        assertThatThrownBy(() -> LockFile.parse("[features\n", null)).isInstanceOf(LockFileException.class)
            .hasMessageStartingWith("Invalid lock file: ").hasMessageEndingWith("Try regenerating it with `metaxy lock`.");
        assertThatThrownBy(() -> LockFile.parse("[features.\"a/b\".info]\nversion = \"x\"\n", null))
            .isInstanceOf(LockFileException.class).hasMessageContaining("missing required key");
        assertThatThrownBy(() -> LockFile.parse("title = \"x\"\n", null))
            .isInstanceOf(LockFileException.class).hasMessageContaining("unknown key 'title'");
    }

    @Test
    void aMissingFileIsAClearError(@TempDir Path dir) {
        assertThatThrownBy(() -> LockFile.read(dir.resolve("nope.lock"))).isInstanceOf(LockFileException.class)
            .hasMessageStartingWith("Cannot read lock file " + dir.resolve("nope.lock"));
    }
}
