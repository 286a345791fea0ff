package dev.metaxy.cli;

import dev.metaxy.config.ConfigException;
import dev.metaxy.config.MetaxyWarnings;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code metaxy} command: global options, then one subcommand. Data goes to stdout, status and errors to
 * stderr; handled errors exit with 1. Commands are registered in {@link Commands}.
 */
@Command(name = "metaxy", mixinStandardHelpOptions = true, versionProvider = MetaxyCli.Version.class,
    description = "Metaxy: incremental metadata versioning for multimodal data and ML pipelines.",
    footer = "%nLearn more in Metaxy docs")
public final class MetaxyCli implements Runnable {

    @Option(names = "--config-file", paramLabel = "PATH", description = "Config file (METAXY_CONFIG overrides it); default: discovered from the working directory")
    Path configFile;

    @Option(names = "--project", paramLabel = "NAME", description = "Project to operate on (default: config 'project')")
    String project;

    @Option(names = "--all-projects", description = "Operate on all projects")
    boolean allProjects;

    @Option(names = "--sync", description = "Load external feature definitions from the default store's pushed snapshots at start-up")
    boolean sync;

    @Option(names = "--locked", description = "With --sync: an external feature whose stored version differs from the lock is an error")
    boolean locked;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private CliContext context;

    /** Bare {@code metaxy} prints the help and exits 0. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The lazily initialised context (config, graph, stores) shared by subcommands. */
    public CliContext context() {
        return context;
    }

    /** Runs the CLI and exits the JVM with its exit code. */
    public static void main(String[] args) {
        int code = execute(args, System.getenv(), Path.of("").toAbsolutePath(), System.out, System.err);
        System.exit(code);
    }

    /**
     * Runs the CLI in-process with an explicit environment, working directory and streams; returns the exit code.
     * {@code ./.env} in the working directory is loaded first (real environment variables win).
     */
    public static int execute(String[] args, Map<String, String> env, Path workingDir, PrintStream out, PrintStream err) {
        PrintWriter stdout = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter stderr = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        Map<String, String> environment;
        try {
            environment = CliContext.withDotEnv(env, workingDir);
        } catch (ConfigException e) {
            return CliErrors.report(e, stdout, stderr);
        }
        MetaxyCli root = new MetaxyCli();
        CommandLine cmd = new CommandLine(root);
        Commands.register(cmd);
        cmd.setOut(stdout);
        cmd.setErr(stderr);
        cmd.setDefaultValueProvider(new EnvDefaultProvider(environment));
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setParameterExceptionHandler((ex, a) -> {
            stderr.println("Error: " + ex.getMessage());
            stderr.flush();
            return 1;
        });
        cmd.setExecutionStrategy(parseResult -> {
            root.context = new CliContext(root, environment, workingDir, stdout, stderr);
            try (MetaxyWarnings.Scope warnings = MetaxyWarnings.redirect(m -> stderr.println("Warning: " + m.stripTrailing()))) {
                if (root.sync && parseResult.hasSubcommand() && !helpRequested(parseResult)) {
                    try {
                        root.context.syncExternalFeatures(root.locked);
                    } catch (RuntimeException e) {
                        return CliErrors.report(e, stdout, stderr);
                    }
                }
                return new CommandLine.RunLast().execute(parseResult);
            } finally {
                root.context.close();
            }
        });
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> CliErrors.report(ex, stdout, stderr));
        int code = cmd.execute(args);
        stdout.flush();
        stderr.flush();
        return code;
    }

    private static boolean helpRequested(CommandLine.ParseResult parseResult) {
        return parseResult.asCommandLineList().stream().anyMatch(c -> c.isUsageHelpRequested() || c.isVersionHelpRequested());
    }

    /** Prints the library version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = MetaxyCli.class.getPackage().getImplementationVersion();
            return new String[] {"metaxy " + (v == null ? "0.1.0-SNAPSHOT" : v) + " (JVM)"};
        }
    }
}
