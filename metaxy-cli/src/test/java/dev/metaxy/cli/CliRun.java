package dev.metaxy.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the CLI in-process in a working directory with a controlled environment and captures its output. */
public final class CliRun {
    private final Path workingDir;
    private final Map<String, String> env = new HashMap<>();

    public CliRun(Path workingDir) {
        this.workingDir = workingDir;
    }

    public CliRun env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** The outcome of one invocation. */
    public record Result(int exitCode, String out, String err) {
    }

    public Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MetaxyCli.execute(args, Map.copyOf(env), workingDir, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
