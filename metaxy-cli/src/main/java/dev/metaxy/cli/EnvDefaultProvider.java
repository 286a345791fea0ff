package dev.metaxy.cli;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option defaults from the environment, as the reference CLI reads them: {@code METAXY_} + command path + option
 * name, upper-cased with {@code -} as {@code _}; e.g. {@code METAXY_LIST_FEATURES_FORMAT=json}.
 */
final class EnvDefaultProvider implements CommandLine.IDefaultValueProvider {
    private final Map<String, String> env;

    EnvDefaultProvider(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || arg.command() == null || arg.command().parent() == null) {
            return null;
        }
        String name = option.longestName().replaceFirst("^-+", "");
        String variable = "METAXY_" + commandPath(arg.command()) + "_" + name;
        return env.get(variable.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_'));
    }

    private static String commandPath(CommandSpec spec) {
        StringBuilder b = new StringBuilder();
        for (CommandSpec s = spec; s != null && s.parent() != null; s = s.parent()) {
            b.insert(0, (b.length() == 0 ? "" : "_")).insert(0, s.name());
        }
        return b.toString();
    }
}
