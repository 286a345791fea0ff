package dev.metaxy.cli.describe;

import picocli.CommandLine.Command;

/** {@code metaxy describe ...}: the graph or features in detail. */
@Command(name = "describe", description = "Describe Metaxy entities in detail.", mixinStandardHelpOptions = true,
    subcommands = {DescribeGraphCommand.class, DescribeFeaturesCommand.class})
public final class DescribeCommand {
}
