package dev.metaxy.cli.graphdiff;

import picocli.CommandLine.Command;

/** {@code metaxy graph-diff ...}: compares pushed graph snapshots (hidden, as in the reference). */
@Command(name = "graph-diff", description = "Compare and visualize graph snapshots.", mixinStandardHelpOptions = true,
    hidden = true, subcommands = {GraphDiffRenderCommand.class})
public final class GraphDiffCommand {
}
