package dev.metaxy.cli.list;

import picocli.CommandLine.Command;

/** {@code metaxy list ...}: features and stores. */
@Command(name = "list", description = "List features or stores.", mixinStandardHelpOptions = true,
    subcommands = {ListFeaturesCommand.class, ListStoresCommand.class})
public final class ListCommand {
}
