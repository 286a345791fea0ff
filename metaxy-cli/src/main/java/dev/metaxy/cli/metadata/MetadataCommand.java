package dev.metaxy.cli.metadata;

import picocli.CommandLine.Command;

/** {@code metaxy metadata ...}: inspect, write, read, delete, rebase and copy feature metadata in stores. */
@Command(name = "metadata", description = "Manage Metaxy metadata in metadata stores.", mixinStandardHelpOptions = true,
    subcommands = {StatusCommand.class, DeleteCommand.class, RebaseCommand.class, CopyCommand.class, WriteCommand.class,
        ReadCommand.class, ResolveCommand.class})
public final class MetadataCommand {
}
