package dev.metaxy.examples.expansion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metaxy.examples.support.Json;
import dev.metaxy.examples.support.Runbook;
import dev.metaxy.examples.support.Runbook.Step;
import dev.metaxy.examples.support.Versions;
import dev.metaxy.graph.FeatureGraph;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 1:N expansion runbook (reference {@code examples/example-expansion}) in-process. The key field-level check:
 * after the audio code change, videos are re-chunked but face recognition (frames only) keeps its version and
 * handles only chunk ids it has not seen.
 */
class ExpansionExampleTest {
    @Test
    void runbook(@TempDir Path data) {
        Runbook book = new Runbook("expansion", data);
        assertThat(book.push()).isEqualTo("e4f2187a");
        FeatureGraph before = book.graph();
        assertThat(Versions.features(before)).containsExactlyInAnyOrderEntriesOf(Map.of(
            ExpansionFeatures.VIDEO, "d842b740", ExpansionFeatures.CHUNK, "7dc3712a", ExpansionFeatures.FACES, "52f055e3"));
        assertThat(Versions.fields(before, ExpansionFeatures.VIDEO)).isEqualTo(Map.of("audio", "7132721c", "frames", "3f6f401c"));
        assertThat(Versions.fields(before, ExpansionFeatures.CHUNK)).isEqualTo(Map.of("audio", "1549b1fa", "frames", "df8943d3"));
        assertThat(Versions.fields(before, ExpansionFeatures.FACES)).isEqualTo(Map.of("faces", "0561bd8c"));

        Step<Pipeline.Result> initial = book.run(Pipeline::run);
        Pipeline.Result first = initial.result();
        assertThat(initial.out()).contains("Found 3 new videos", "Found 3 new videos and 0 stale videos that need chunking",
            "Writing", "chunks for video", "new video chunks and 0 stale video chunks that need face recognition",
            "Writing face recognition");
        assertThat(first.videosNew()).isEqualTo(3);
        assertThat(first.chunkNew()).isEqualTo(3);
        assertThat(first.chunkIdsWritten()).hasSizeBetween(9, 15);
        assertThat(first.facesNew()).isEqualTo(first.chunkIdsWritten().size());
        assertThat(first.facesStale()).isZero();

        Step<Pipeline.Result> rerun = book.run(Pipeline::run);
        assertThat(rerun.out()).contains("Found 0 new videos and 0 stale videos that need chunking",
            "Found 0 new video chunks and 0 stale video chunks that need face recognition");
        assertThat(rerun.result()).isEqualTo(new Pipeline.Result(0, 0, 0, Set.of(), 0, 0, 0));

        assertThat(book.applyPatch("01_update_video_code_version.env")).isEqualTo("9de76627");
        FeatureGraph after = book.graph();
        assertThat(Versions.changed(before, after)).containsExactly(ExpansionFeatures.CHUNK, ExpansionFeatures.VIDEO);
        assertThat(Versions.features(after)).containsExactlyInAnyOrderEntriesOf(Map.of(
            ExpansionFeatures.VIDEO, "6e5a4ab8", ExpansionFeatures.CHUNK, "504507a9", ExpansionFeatures.FACES, "52f055e3"));
        assertThat(Versions.fields(after, ExpansionFeatures.VIDEO)).isEqualTo(Map.of("audio", "f8e35296", "frames", "3f6f401c"));
        assertThat(Versions.fields(after, ExpansionFeatures.CHUNK)).isEqualTo(Map.of("audio", "7948d163", "frames", "df8943d3"));
        assertThat(Versions.fields(after, ExpansionFeatures.FACES)).isEqualTo(Map.of("faces", "0561bd8c"));

        // another seed, so the videos split differently than the first time
        book.env("RANDOM_SEED", "7");
        Step<Pipeline.Result> changed = book.run(Pipeline::run);
        Pipeline.Result third = changed.result();
        assertThat(changed.out()).contains("Found 3 new videos and 0 stale videos that need chunking",
            "new video chunks and 0 stale video chunks that need face recognition", "Writing", "chunks for video");
        assertThat(third.chunkNew()).isEqualTo(3);
        assertThat(third.chunkStale()).isZero();
        // faces depend only on the frames, which did not change: only chunk ids never seen before are new
        Set<String> unseen = new HashSet<>(third.chunkIdsWritten());
        unseen.removeAll(first.chunkIdsWritten());
        Set<String> gone = new HashSet<>(first.chunkIdsWritten());
        gone.removeAll(third.chunkIdsWritten());
        assertThat(unseen.size() + gone.size()).as("the two splits should differ").isPositive();
        assertThat(third.facesNew()).isEqualTo(unseen.size());
        assertThat(third.facesStale()).isZero();
        assertThat(third.facesOrphaned()).isEqualTo(gone.size());

        book.env("RANDOM_SEED", "42");
        Step<Pipeline.Result> last = book.run(Pipeline::run);
        assertThat(last.out()).contains("Found 0 new videos and 0 stale videos that need chunking",
            "Found 0 new video chunks and 0 stale video chunks that need face recognition");

        // beyond the reference runbook: the CLI reports the face rows of vanished chunk ids as orphaned (the pipeline,
        // like the reference, does not clean them up), and nothing missing or stale
        Runbook.Cli status = book.metaxy("metadata", "status", ExpansionFeatures.FACES, "--format", "json");
        assertThat(status.exitCode()).as(status.err()).isZero();
        JsonNode faces = Json.parse(status.out()).path("features").path(ExpansionFeatures.FACES);
        assertThat(faces.path("missing").asInt(-1)).isZero();
        assertThat(faces.path("stale").asInt(-1)).isZero();
        assertThat(faces.path("orphaned").asInt(-1)).isEqualTo(gone.size());
        assertThat(faces.path("needs_update").asBoolean()).isEqualTo(!gone.isEmpty());
    }
}
