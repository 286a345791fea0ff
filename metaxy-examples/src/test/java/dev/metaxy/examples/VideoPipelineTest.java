package dev.metaxy.examples;

import static dev.metaxy.examples.VideoPipeline.SAMPLES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.examples.VideoPipeline.Counts;
import dev.metaxy.examples.VideoPipeline.Story;
import dev.metaxy.examples.features.Crop;
import dev.metaxy.examples.features.SpeechToText;
import dev.metaxy.examples.features.Video;
import dev.metaxy.graph.FeatureGraph;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the example pipeline of {@code bin/metaxy-example} on a temporary store and checks its story. */
class VideoPipelineTest {
    static final Counts NOTHING = new Counts(0, 0, 0);
    static final Counts ALL_NEW = new Counts(SAMPLES, 0, 0);
    static final List<String> ALL = List.of("video", "video/crop", "video/face_detection", "video/speech_to_text");
    static final List<String> DOWNSTREAM = ALL.subList(1, 4);

    @Test
    void theStoryHolds(@TempDir Path dir) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Path db = dir.resolve("nested/store.duckdb");
        Story story = new VideoPipeline(db, new PrintStream(buf, true, StandardCharsets.UTF_8)).run();
        String out = buf.toString(StandardCharsets.UTF_8);

        for (String f : ALL) {
            assertThat(story.counts(VideoPipeline.STEP_INITIAL, f)).as("initial %s", f).isEqualTo(ALL_NEW);
            assertThat(story.counts(VideoPipeline.STEP_RERUN, f)).as("rerun %s", f).isEqualTo(NOTHING);
            assertThat(story.counts(VideoPipeline.STEP_AUDIO_CHANGE_RERUN, f)).as("rerun after change %s", f).isEqualTo(NOTHING);
            assertThat(story.counts(VideoPipeline.STEP_FINAL, f)).as("final %s", f).isEqualTo(NOTHING);
        }
        // The audio change: face detection reads only the frames and stays up to date; the rest recompute everything.
        assertThat(story.changedFeatures()).containsExactly("video", "video/crop", "video/speech_to_text");
        assertThat(story.versionsAfter().get("video/face_detection")).isEqualTo(story.versionsBefore().get("video/face_detection"));
        assertThat(story.counts(VideoPipeline.STEP_AUDIO_CHANGE, "video/face_detection")).isEqualTo(NOTHING);
        for (String f : List.of("video", "video/crop", "video/speech_to_text")) {
            Counts c = story.counts(VideoPipeline.STEP_AUDIO_CHANGE, f);
            assertThat(c.toCompute()).as("to recompute after the audio change: %s", f).isEqualTo(SAMPLES);
            assertThat(c.orphaned()).isZero();
        }
        // Soft delete of two root samples: orphaned downstream, still readable with includeSoftDeleted.
        for (String f : DOWNSTREAM) {
            assertThat(story.counts(VideoPipeline.STEP_SOFT_DELETE, f)).as("after soft delete %s", f).isEqualTo(new Counts(0, 0, 2));
        }
        assertThat(story.liveVideosAfterDelete()).isEqualTo(SAMPLES - 2);
        assertThat(story.allVideosAfterDelete()).isEqualTo(SAMPLES);

        assertThat(out).contains("(new file)", "video/face_detection:  0 new, 0 stale, 0 orphaned",
            "Unchanged: video/face_detection", "Story checked: every count was as expected.");
        assertThat(db).exists();
    }

    @Test
    void startsFromAFreshFileEachRun(@TempDir Path dir) {
        Path db = dir.resolve("store.duckdb");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        new VideoPipeline(db, quiet).run();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Story again = new VideoPipeline(db, new PrintStream(buf, true, StandardCharsets.UTF_8)).run();
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("previous file removed, starting fresh");
        assertThat(again.counts(VideoPipeline.STEP_INITIAL, "video")).isEqualTo(ALL_NEW);
    }

    @Test
    void aBrokenStoryIsReported(@TempDir Path dir) throws Exception {
        // Face detection reading the audio too: the audio change must then reach it, and the example must say so.
        FeatureSpec faces = FeatureSpec.builder("video/face_detection").idColumns("sample_uid").dependsOn(Video.class)
            .field("faces", "1").build();
        FeatureGraph before = new FeatureGraph().register(Video.class).register(Crop.class).register(faces).register(SpeechToText.class);
        FeatureGraph after = new FeatureGraph();
        VideoPipeline.audioChangedGraph().definitions().stream()
            .filter(d -> !d.key().toString().equals("video/face_detection")).forEach(after::register);
        after.register(faces);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new VideoPipeline(dir.resolve("s.duckdb"), quiet, before, after).run())
            .isInstanceOf(VideoPipeline.StoryException.class)
            .hasMessageContaining("video/face_detection");
        assertThat(Files.exists(dir.resolve("s.duckdb"))).isTrue();
    }
}
