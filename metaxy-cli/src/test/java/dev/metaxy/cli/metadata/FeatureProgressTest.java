package dev.metaxy.cli.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class FeatureProgressTest {
    @Test
    void drawsInPlaceOnATerminalAndErasesItself() {
        StringWriter text = new StringWriter();
        try (FeatureProgress bar = new FeatureProgress(new PrintWriter(text), "Copying", 4, true)) {
            bar.step("a/b");
            bar.step("c");
        }
        assertThat(text.toString()).startsWith("\rCopying [------------------------] 0/4 a/b")
            .contains("\rCopying [######------------------] 1/4 c").endsWith("\r");
        assertThat(text.toString()).doesNotContain("\n");
    }

    @Test
    void staysQuietWhenPipedOrForASingleFeature() {
        StringWriter text = new StringWriter();
        try (FeatureProgress piped = new FeatureProgress(new PrintWriter(text), "Copying", 4, false);
             FeatureProgress single = new FeatureProgress(new PrintWriter(text), "Copying", 1, true)) {
            piped.step("a");
            single.step("a");
        }
        assertThat(text.toString()).isEmpty();
    }

    @Test
    void fullBar() {
        assertThat(new FeatureProgress(new PrintWriter(new StringWriter()), "Deleting", 3, true).line(3, "x"))
            .isEqualTo("Deleting [########################] 3/3 x");
    }
}
