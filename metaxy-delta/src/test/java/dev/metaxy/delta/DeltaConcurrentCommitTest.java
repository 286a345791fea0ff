package dev.metaxy.delta;

import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.lake.LakeScenario;
import dev.metaxy.lake.LakeWriterRace;
import io.delta.kernel.TableManager;
import io.delta.kernel.defaults.engine.DefaultEngine;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Optimistic Delta commits: lost races are retried on the latest version; contradicting column types are refused. */
class DeltaConcurrentCommitTest {
    @TempDir
    Path root;

    DeltaMetadataStore store() {
        return DeltaMetadataStore.builder(LakeScenario.graph(), root).hashAlgorithm(HashAlgorithm.MD5).build();
    }

    @Test
    void writersRacingToCreateAndAppendLoseNothing() throws Exception {
        // before the retry, all but one of the writers racing to create the table failed with Kernel's
        // "Transaction has encountered a conflict and can not be committed"
        LakeWriterRace.everyConcurrentAppendLands(this::store, 4, 3, 200);
    }

    @Test
    void aColumnOfAnotherTypeIsRefusedBeforeAnythingIsCommitted() {
        // before the check, text ids were committed into the integer table as a file of the wrong type
        LakeWriterRace.wronglyTypedColumnIsRejected(store(), () -> TableManager.loadSnapshot(root.resolve("video/raw.delta").toString())
            .build(DefaultEngine.create(new Configuration())).getVersion());
    }
}
