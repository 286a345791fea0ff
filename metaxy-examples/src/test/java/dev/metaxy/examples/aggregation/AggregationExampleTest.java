package dev.metaxy.examples.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metaxy.examples.support.Runbook;
import dev.metaxy.examples.support.Runbook.Step;
import dev.metaxy.examples.support.Versions;
import dev.metaxy.graph.FeatureGraph;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The N:1 aggregation runbook (reference {@code examples/example-aggregation}) in-process: data patches change one
 * recording and add another; each time only speaker s1 is recomputed, and the feature versions never change.
 */
class AggregationExampleTest {
    private static final Map<String, String> VERSIONS = Map.of(AggregationFeatures.AUDIO, "3dac67c8",
        AggregationFeatures.SPEAKER_EMBEDDING, "a485fa5b");

    @Test
    void runbook(@TempDir Path data) {
        Runbook book = new Runbook("aggregation", data);
        assertThat(book.push()).isEqualTo("1661b8b7");
        FeatureGraph graph = book.graph();
        assertThat(Versions.features(graph)).containsExactlyInAnyOrderEntriesOf(VERSIONS);
        assertThat(Versions.fields(graph, AggregationFeatures.AUDIO)).containsExactlyEntriesOf(Map.of("default", "80200592"));
        assertThat(Versions.fields(graph, AggregationFeatures.SPEAKER_EMBEDDING))
            .containsExactlyEntriesOf(Map.of("embedding", "27a15391"));

        Step<Pipeline.Result> initial = book.run(Pipeline::run);
        assertThat(initial.result()).isEqualTo(new Pipeline.Result(4, 0, Map.of("s1", 2, "s2", 2)));
        assertThat(initial.out()).contains("Found 4 new audio recordings", "Found 2 speakers that need embedding computation",
            "Computing embedding for speaker s1 from 2 audio recordings",
            "Computing embedding for speaker s2 from 2 audio recordings", "Writing embeddings for 2 speakers");

        Step<Pipeline.Result> rerun = book.run(Pipeline::run);
        assertThat(rerun.result()).isEqualTo(new Pipeline.Result(0, 0, Map.of()));
        assertThat(rerun.out()).contains("No new or changed audio recordings", "Found 0 speakers that need embedding computation");

        // a1 (speaker s1) re-recorded: only s1 is recomputed, from both of its recordings
        assertThat(book.applyPatch("01_update_audio_provenance.env")).isEqualTo("1661b8b7");
        Step<Pipeline.Result> updated = book.run(Pipeline::run);
        assertThat(updated.result()).isEqualTo(new Pipeline.Result(0, 1, Map.of("s1", 2)));
        assertThat(updated.out()).contains("Found 1 changed audio recordings", "Found 1 speakers that need embedding computation",
            "Computing embedding for speaker s1 from 2 audio recordings", "Writing embeddings for 1 speakers")
            .doesNotContain("speaker s2");

        // a5 (speaker s1) added: s1 again, now from three recordings
        assertThat(book.applyPatch("02_add_audio.env")).isEqualTo("1661b8b7");
        Step<Pipeline.Result> added = book.run(Pipeline::run);
        assertThat(added.result()).isEqualTo(new Pipeline.Result(1, 0, Map.of("s1", 3)));
        assertThat(added.out()).contains("Found 1 new audio recordings", "Found 1 speakers that need embedding computation",
            "Computing embedding for speaker s1 from 3 audio recordings", "Writing embeddings for 1 speakers");

        Step<Pipeline.Result> last = book.run(Pipeline::run);
        assertThat(last.result()).isEqualTo(new Pipeline.Result(0, 0, Map.of()));
        assertThat(last.out()).contains("No new or changed audio recordings", "Found 0 speakers that need embedding computation");

        // data-only changes: the graph (and every version) stays the same
        assertThat(Versions.features(book.graph())).containsExactlyInAnyOrderEntriesOf(VERSIONS);
        assertThat(book.pushedVersions()).containsOnly("1661b8b7").hasSize(3);

        // beyond the reference runbook: the CLI agrees that nothing is left to compute
        assertThat(book.metaxy("metadata", "status", "--all-features", "--assert-in-sync").exitCode()).isZero();
    }
}
