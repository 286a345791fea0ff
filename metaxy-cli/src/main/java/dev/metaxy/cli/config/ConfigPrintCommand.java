package dev.metaxy.cli.config;

import dev.metaxy.cli.ContextCommand;
import dev.metaxy.cli.JsonOutput;
import dev.metaxy.config.ConfigPrinter;
import dev.metaxy.config.MetaxyConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code metaxy config print}: the loaded configuration as TOML (nulls dropped) or JSON (every key). */
@Command(name = "print", description = "Print the current Metaxy configuration.", mixinStandardHelpOptions = true)
public final class ConfigPrintCommand extends ContextCommand implements Callable<Integer> {
    /** Output formats of {@code config print}. */
    enum Format { TOML, JSON }

    @Option(names = {"-f", "--format"}, defaultValue = "toml", description = "toml or json")
    Format format;

    @Override
    public Integer call() {
        MetaxyConfig config = context().config();
        if (format == Format.JSON) {
            context().out().println(JsonOutput.write(JsonOutput.mapper().valueToTree(ConfigPrinter.toMap(config))));
        } else {
            context().out().print(ConfigPrinter.toToml(config));
        }
        return 0;
    }
}
