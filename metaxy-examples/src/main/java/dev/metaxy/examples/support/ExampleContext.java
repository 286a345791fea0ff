package dev.metaxy.examples.support;

import dev.metaxy.config.MetaxyConfig;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Where an example step runs: the example's folder (its {@code metaxy.toml} is found from there), the environment
 * (store location, applied patches, {@code RANDOM_SEED}) and where to print. Mains use {@link #fromProcess()};
 * tests build one over a temporary folder and a captured stream, so a runbook runs in-process.
 */
public record ExampleContext(Path workDir, Map<String, String> env, PrintStream out) {
    public ExampleContext {
        workDir = workDir.toAbsolutePath().normalize();
        env = Map.copyOf(env);
    }

    /** The real process: working directory, environment, {@code System.out}. */
    public static ExampleContext fromProcess() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        return new ExampleContext(Path.of(""), System.getenv(), out);
    }

    /** The example's configuration: {@code metaxy.toml} found from the working directory, with this environment. */
    public MetaxyConfig config() {
        return MetaxyConfig.loader().startDirectory(workDir).environment(env).load();
    }

    public String env(String name, String fallback) {
        String v = env.get(name);
        return v == null || v.isEmpty() ? fallback : v;
    }

    /** Runs an example step as a program: non-zero exit with a message when it fails. */
    public static void runMain(String program, Function<ExampleContext, ?> step) {
        ExampleContext ctx = fromProcess();
        try {
            step.apply(ctx);
        } catch (RuntimeException e) {
            ctx.out().flush();
            System.err.println(program + ": failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
        ctx.out().flush();
    }
}
