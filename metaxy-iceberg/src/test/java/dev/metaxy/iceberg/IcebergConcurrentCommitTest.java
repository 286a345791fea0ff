package dev.metaxy.iceberg;

import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.lake.LakeScenario;
import dev.metaxy.lake.LakeWriterRace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Optimistic Iceberg commits: lost races (creation included) are retried; contradicting column types are refused. */
class IcebergConcurrentCommitTest {
    @TempDir
    Path warehouse;

    IcebergMetadataStore store(String catalog) {
        return IcebergMetadataStore.builder(LakeScenario.graph(), warehouse).catalogProperties(Map.of("type", catalog))
            .hashAlgorithm(HashAlgorithm.MD5).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sql", "hadoop"})
    void writersRacingToCreateAndAppendLoseNothing(String catalog) throws Exception {
        // before the retry, the writers that lost the race to create the table failed with AlreadyExistsException
        LakeWriterRace.everyConcurrentAppendLands(() -> store(catalog), 4, 3, 200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sql", "hadoop"})
    void aColumnOfAnotherTypeIsRefusedBeforeAnythingIsCommitted(String catalog) {
        // before, Iceberg's IllegalArgumentException escaped instead of the store's error
        LakeWriterRace.wronglyTypedColumnIsRejected(store(catalog), () -> metadataFiles());
    }

    private long metadataFiles() {
        try (Stream<Path> s = Files.walk(warehouse)) {
            return s.filter(p -> p.toString().endsWith(".metadata.json")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
