package dev.metaxy.cli.config;

import picocli.CommandLine.Command;

/** {@code metaxy config ...}: inspect the configuration. */
@Command(name = "config", description = "Manage Metaxy configuration.", mixinStandardHelpOptions = true,
    subcommands = {ConfigPrintCommand.class})
public final class ConfigCommand {
}
