package dev.metaxy.cli;

import java.util.List;

/** The top-level commands, in help order. Add new command classes here. */
final class CommandRegistry {
    private CommandRegistry() {
    }

    static List<Object> topLevel() {
        return List.of(new dev.metaxy.cli.config.ConfigCommand(), new dev.metaxy.cli.describe.DescribeCommand(),
            new dev.metaxy.cli.graph.GraphCommand(), new dev.metaxy.cli.graphdiff.GraphDiffCommand(),
            new dev.metaxy.cli.history.HistoryCommand(), new dev.metaxy.cli.list.ListCommand(),
            new dev.metaxy.cli.lock.LockCommand(), new dev.metaxy.cli.metadata.MetadataCommand(),
            new dev.metaxy.cli.push.PushCommand());
    }
}
