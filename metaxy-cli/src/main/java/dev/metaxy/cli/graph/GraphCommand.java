package dev.metaxy.cli.graph;

import picocli.CommandLine.Command;

/** {@code metaxy graph ...}: feature graph visualisation. */
@Command(name = "graph", description = "Manage feature graphs.", mixinStandardHelpOptions = true,
    subcommands = {GraphRenderCommand.class})
public final class GraphCommand {
}
