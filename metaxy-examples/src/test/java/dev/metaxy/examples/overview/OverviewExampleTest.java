package dev.metaxy.examples.overview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metaxy.examples.support.Runbook;
import dev.metaxy.examples.support.Runbook.Cli;
import dev.metaxy.examples.support.Runbook.Step;
import dev.metaxy.examples.support.Versions;
import dev.metaxy.graph.FeatureGraph;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overview runbook (reference {@code examples/example-overview}) in-process: {@code metaxy push} after the
 * runner's push, {@code metaxy graph render --format mermaid} byte for byte, and the audio code change (video, crop
 * and speech to text change version; face detection does not).
 */
class OverviewExampleTest {
    @Test
    void runbook(@TempDir Path data) {
        Runbook book = new Runbook("overview", data);
        assertThat(book.push()).isEqualTo("2f02765d");
        FeatureGraph before = book.graph();
        assertThat(Versions.features(before)).containsExactlyInAnyOrderEntriesOf(Map.of(OverviewFeatures.VIDEO, "c2ac395f",
            OverviewFeatures.CROP, "34d75856", OverviewFeatures.FACE_DETECTION, "f1526ee0", OverviewFeatures.STT, "d953dea4"));

        Cli push = book.metaxy("push");
        assertThat(push.exitCode()).isZero();
        assertThat(push.out()).isEqualTo("2f02765d\n");
        assertThat(push.err()).contains("Recorded at:", "✓ Snapshot already recorded (no changes)");

        Cli render = book.metaxy("graph", "render", "--format", "mermaid");
        assertThat(render.exitCode()).isZero();
        assertThat(render.out()).isEqualTo(book.read("expected/graph.mmd"));

        assertThat(book.applyPatch("01_update_audio_version.env")).isEqualTo("904994fe");
        FeatureGraph after = book.graph();
        assertThat(Versions.changed(before, after)).containsExactly(OverviewFeatures.CROP, OverviewFeatures.STT, OverviewFeatures.VIDEO);
        assertThat(Versions.features(after)).containsExactlyInAnyOrderEntriesOf(Map.of(OverviewFeatures.VIDEO, "2faffb98",
            OverviewFeatures.CROP, "fe237dc9", OverviewFeatures.FACE_DETECTION, "f1526ee0", OverviewFeatures.STT, "e57e7555"));
        assertThat(Versions.fields(after, OverviewFeatures.VIDEO)).isEqualTo(Map.of("audio", "09c8398b", "frames", "794116a9"));
        assertThat(Versions.fields(after, OverviewFeatures.CROP)).isEqualTo(Map.of("audio", "e2b6ce39", "frames", "2419e09d"));
        assertThat(Versions.fields(after, OverviewFeatures.STT)).isEqualTo(Map.of("transcription", "9f7ea40c"));

        Step<ShowChanges.Result> changes = book.run(ctx -> ShowChanges.run(ctx, "2f02765d"));
        assertThat(changes.result().fromVersion()).isEqualTo("2f02765d");
        assertThat(changes.result().toVersion()).isEqualTo("904994fe");
        assertThat(changes.result().withStatus("changed"))
            .containsExactlyInAnyOrder(OverviewFeatures.VIDEO, OverviewFeatures.CROP, OverviewFeatures.STT);
        assertThat(changes.result().withStatus("unchanged")).containsExactly(OverviewFeatures.FACE_DETECTION);
        // with no argument the previous push is the baseline
        assertThat(book.run(ctx -> ShowChanges.run(ctx, null)).result()).isEqualTo(changes.result());

        Cli renderAfter = book.metaxy("graph", "render", "--format", "mermaid");
        assertThat(renderAfter.exitCode()).isZero();
        assertThat(renderAfter.out()).isEqualTo(book.read("expected/graph-after-patch.mmd"));
    }
}
