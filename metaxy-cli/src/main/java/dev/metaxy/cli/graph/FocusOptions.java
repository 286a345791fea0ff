package dev.metaxy.cli.graph;

import dev.metaxy.cli.CliException;
import dev.metaxy.cli.NonNegative;
import picocli.CommandLine.Option;

/** {@code --feature/--up/--down}: focus a graph rendering on a feature's neighbourhood (picocli mixin). */
public final class FocusOptions {
    @Option(names = "--feature", paramLabel = "KEY", description = "Focus on a feature ('video/files' or 'video__files')")
    public String feature;

    @Option(names = "--up", paramLabel = "N", converter = NonNegative.class, description = "Upstream levels around --feature (default: all)")
    public Integer up;

    @Option(names = "--down", paramLabel = "N", converter = NonNegative.class, description = "Downstream levels around --feature (default: all)")
    public Integer down;

    /** Fails when levels are given without a feature. */
    public void validate() {
        if ((up != null || down != null) && feature == null) {
            throw new CliException("--up and --down require --feature to be specified");
        }
    }
}
