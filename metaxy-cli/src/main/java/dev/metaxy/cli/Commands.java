package dev.metaxy.cli;

import picocli.CommandLine;

/** Registers the subcommand tree of {@code metaxy}; each command lives in its own class. */
final class Commands {
    private Commands() {
    }

    static void register(CommandLine root) {
        for (Object command : CommandRegistry.topLevel()) {
            root.addSubcommand(command);
        }
    }
}
