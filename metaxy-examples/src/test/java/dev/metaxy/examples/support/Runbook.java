package dev.metaxy.examples.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metaxy.cli.MetaxyCli;
import dev.metaxy.graph.FeatureGraph;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Replays an example's runbook in-process, as {@code examples/<name>/run.sh} does with separate JVMs: the example's
 * own {@code metaxy.toml} (found from its folder), a store in a temporary folder, the Java steps called directly,
 * the CLI through {@link MetaxyCli#execute}, and patches read from the same {@code patches/*.env} files.
 */
public final class Runbook {
    private final Path exampleDir;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<String> pushed = new ArrayList<>();

    /** The outcome of a Java step: what it returned and what it printed. */
    public record Step<T>(T result, String out) {
    }

    /** The outcome of a CLI command. */
    public record Cli(int exitCode, String out, String err) {
    }

    public Runbook(String example, Path dataDir) {
        this.exampleDir = examplesRoot().resolve(example);
        assertThat(exampleDir.resolve("metaxy.toml")).as("the example's metaxy.toml").isRegularFile();
        env.put("METAXY_EXAMPLE_DATA_DIR", dataDir.toAbsolutePath().toString());
        env.put("RANDOM_SEED", "42");
    }

    /** The repository's {@code examples/} folder, found from the working directory (the module or the root). */
    public static Path examplesRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("examples").resolve("lib.sh"))) {
                return dir.resolve("examples");
            }
        }
        throw new IllegalStateException("no examples/lib.sh above " + Path.of("").toAbsolutePath());
    }

    public Path exampleDir() {
        return exampleDir;
    }

    public Runbook env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public ExampleContext context(PrintStream out) {
        return new ExampleContext(exampleDir, env, out);
    }

    /** Runs a Java step (a pipeline main's logic) and captures its output. */
    public <T> Step<T> run(Function<ExampleContext, T> step) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        T result;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            result = step.apply(context(out));
        }
        return new Step<>(result, bytes.toString(StandardCharsets.UTF_8));
    }

    /** Runs {@code metaxy ARGS...} in the example folder with the runbook's environment. */
    public Cli metaxy(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MetaxyCli.execute(args, Map.copyOf(env), exampleDir, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** What the reference runner does before the first scenario and after each patch: {@code metaxy push}. */
    public String push() {
        Cli r = metaxy("push");
        assertThat(r.exitCode()).as("metaxy push: %s", r.err()).isZero();
        String version = r.out().strip();
        pushed.add(version);
        return version;
    }

    /** Applies {@code patches/<file>}: its KEY=VALUE lines join the environment (cumulatively); then pushes. */
    public String applyPatch(String file) {
        readPatch(exampleDir.resolve("patches").resolve(file)).forEach(env::put);
        return push();
    }

    /** The project versions pushed so far, in order. */
    public List<String> pushedVersions() {
        return List.copyOf(pushed);
    }

    /** The feature graph the example's configuration loads right now (after the patches applied so far). */
    public FeatureGraph graph() {
        return context(System.out).config().graph();
    }

    /** A text file of the example folder. */
    public String read(String relative) {
        try {
            return Files.readString(exampleDir.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> readPatch(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException(file + ": not a KEY=VALUE line: " + line);
                }
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }
}
