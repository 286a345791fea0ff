package dev.metaxy.examples.basic;

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
 * The basic example's runbook (reference {@code examples/example-basic/.example.yaml}) in-process, checking what the
 * reference records in {@code .example.result.json}: versions before and after the code change, child counts per
 * run, and the child's provenance values.
 */
class BasicExampleTest {
    private static final Map<Long, String> CHILD_PROVENANCE = Map.of(1L, "24503967", 2L, "24458329", 3L, "26963083");

    @Test
    void runbook(@TempDir Path data) {
        Runbook book = new Runbook("basic", data);
        assertThat(book.push()).isEqualTo("490f2c18");
        FeatureGraph before = book.graph();
        assertThat(Versions.features(before)).containsExactlyInAnyOrderEntriesOf(
            Map.of(BasicFeatures.PARENT, "7de0f5e8", BasicFeatures.CHILD, "b10ea448"));
        assertThat(Versions.fields(before, BasicFeatures.PARENT)).containsExactlyEntriesOf(Map.of("embeddings", "05e66510"));
        assertThat(Versions.fields(before, BasicFeatures.CHILD)).containsExactlyEntriesOf(Map.of("predictions", "9cd1c608"));

        // Setup upstream data
        assertThat(book.run(SetupData::run).out()).contains("needs no separate data setup");

        // Initial pipeline run
        Step<Pipeline.Result> initial = book.run(Pipeline::run);
        assertThat(initial.out()).contains("Pipeline", "✅ Pipeline complete!");
        assertThat(initial.result().parentRowsWritten()).isEqualTo(3);
        assertThat(initial.result().child().featureVersion()).isEqualTo("b10ea448");
        assertThat(initial.result().child().newSamples()).isEqualTo(3);
        assertThat(initial.result().child().stale()).isZero();
        assertThat(initial.result().child().predictionsProvenance()).isEqualTo(CHILD_PROVENANCE);

        // Idempotent rerun
        Step<Pipeline.Result> rerun = book.run(Pipeline::run);
        assertThat(rerun.out()).contains("Skipping write to avoid duplicates", "No changes detected (idempotent)");
        assertThat(rerun.result().parentRowsWritten()).isZero();
        assertThat(rerun.result().idempotent()).isTrue();

        // Code evolution: parent embeddings code version 1 -> 2
        assertThat(book.applyPatch("01_update_parent_algorithm.env")).isEqualTo("c423d51a");
        FeatureGraph after = book.graph();
        assertThat(Versions.changed(before, after)).containsExactly(BasicFeatures.CHILD, BasicFeatures.PARENT);
        assertThat(Versions.features(after)).containsExactlyInAnyOrderEntriesOf(
            Map.of(BasicFeatures.PARENT, "68827f3e", BasicFeatures.CHILD, "e5b92b18"));
        assertThat(Versions.fields(after, BasicFeatures.PARENT)).containsExactlyEntriesOf(Map.of("embeddings", "3c8d3e9b"));
        assertThat(Versions.fields(after, BasicFeatures.CHILD)).containsExactlyEntriesOf(Map.of("predictions", "7cef6acb"));

        Step<Pipeline.Result> changed = book.run(Pipeline::run);
        assertThat(changed.out()).contains("✅ Pipeline complete!", "Materialized", "Written 3 rows for feature examples/parent");
        assertThat(changed.result().parentRowsWritten()).isEqualTo(3);
        assertThat(changed.result().child().featureVersion()).isEqualTo("e5b92b18");
        // the child's new version starts empty: every sample is new, none stale
        assertThat(changed.result().child().newSamples()).isEqualTo(3);
        assertThat(changed.result().child().stale()).isZero();
        // the parent's provenance values did not change, so neither do the child's sample provenances
        assertThat(changed.result().child().predictionsProvenance()).isEqualTo(CHILD_PROVENANCE);

        assertThat(book.pushedVersions()).containsExactly("490f2c18", "c423d51a");

        // beyond the reference runbook: the CLI agrees that nothing is left to compute
        assertThat(book.metaxy("metadata", "status", "--all-features", "--assert-in-sync").exitCode()).isZero();
    }
}
