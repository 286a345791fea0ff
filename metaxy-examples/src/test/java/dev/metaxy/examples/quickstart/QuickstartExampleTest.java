package dev.metaxy.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metaxy.examples.support.Runbook;
import dev.metaxy.examples.support.Runbook.Step;
import dev.metaxy.examples.support.Versions;
import dev.metaxy.graph.FeatureGraph;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quickstart runbook (reference {@code examples/example-quickstart}) in-process. */
class QuickstartExampleTest {
    @Test
    void runbook(@TempDir Path data) {
        Runbook book = new Runbook("quickstart", data);
        assertThat(book.push()).isEqualTo("e5cdf3ba");
        FeatureGraph graph = book.graph();
        assertThat(Versions.features(graph)).containsExactlyInAnyOrderEntriesOf(
            Map.of(QuickstartFeatures.VIDEO, "4c78e5e2", QuickstartFeatures.AUDIO, "9680125a"));
        assertThat(Versions.fields(graph, QuickstartFeatures.VIDEO)).containsExactlyEntriesOf(Map.of("default", "c675833f"));
        assertThat(Versions.fields(graph, QuickstartFeatures.AUDIO)).containsExactlyEntriesOf(Map.of("default", "91af2f82"));

        Step<Pipeline.Result> initial = book.run(Pipeline::run);
        assertThat(initial.result()).isEqualTo(new Pipeline.Result(3, 0, 3, 0));
        assertThat(initial.out()).contains("Quickstart Pipeline", "[Video] 3 new, 0 stale", "[Video] Wrote 3 samples",
            "[Audio] 3 new, 0 stale", "[Audio] Wrote 3 samples", "✅ Pipeline complete!");
        assertThat(initial.out()).doesNotContain("No changes detected");

        Step<Pipeline.Result> rerun = book.run(Pipeline::run);
        assertThat(rerun.result()).isEqualTo(new Pipeline.Result(0, 0, 0, 0));
        assertThat(rerun.out()).contains("[Video] 0 new, 0 stale", "[Audio] 0 new, 0 stale", "No changes detected (idempotent)")
            .doesNotContain("Wrote");

        // beyond the reference runbook: the CLI agrees that nothing is left to compute
        assertThat(book.metaxy("metadata", "status", "--all-features", "--assert-in-sync").exitCode()).isZero();
    }
}
