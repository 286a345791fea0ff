package dev.metaxy.dist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged distribution as a user runs it: {@code metaxy-VERSION.tar.gz} unpacked once per test JVM into a
 * temporary folder, and {@code bin/metaxy} started as a separate process with a clean environment whose PATH has
 * {@code java} and the usual system tools but no Maven, and a HOME of its own (the class-data sharing cache lives
 * there).
 */
public final class Distribution {
    private static final long TIMEOUT_MINUTES = 5;
    private static Distribution instance;

    private final Path home;
    private final Path toolsDir;
    private final Path userHome;

    private Distribution(Path home, Path toolsDir, Path userHome) {
        this.home = home;
        this.toolsDir = toolsDir;
        this.userHome = userHome;
    }

    /** The outcome of one command. */
    public record Result(int exitCode, String out, String err) {
        /** The command's stdout, failing with both streams when it did not exit 0. */
        public String ok() {
            if (exitCode != 0) {
                throw new AssertionError("exit " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err);
            }
            return out;
        }

        /** The lines of stderr that are not blank. */
        public List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    /** The unpacked distribution, unpacked on first use. */
    public static synchronized Distribution get() {
        if (instance == null) {
            try {
                instance = unpack();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    private static Distribution unpack() throws IOException, InterruptedException {
        String archive = System.getProperty("metaxy.dist.archive");
        if (archive == null || !Files.isRegularFile(Path.of(archive))) {
            throw new IllegalStateException("metaxy.dist.archive does not name the packaged archive: " + archive
                + " (run the integration tests through Maven, after package)");
        }
        Path root = Files.createTempDirectory("metaxy-dist-it");
        Process tar = new ProcessBuilder("tar", "xzf", archive, "-C", root.toString()).inheritIO().start();
        if (tar.waitFor() != 0) {
            throw new IllegalStateException("tar xzf " + archive + " failed");
        }
        Path home;
        try (Stream<Path> entries = Files.list(root)) {
            home = entries.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        Path tools = root.resolve("tools");
        Files.createDirectories(tools);
        linkSystemTools(tools);
        Files.createSymbolicLink(tools.resolve("java"), javaBinary());
        Path userHome = Files.createDirectories(root.resolve("user-home"));
        return new Distribution(home, tools, userHome);
    }

    /** Every program of /usr/bin and /bin except Maven and the JDK's own (java comes from the test JVM). */
    private static void linkSystemTools(Path tools) throws IOException {
        for (String dir : List.of("/usr/bin", "/bin")) {
            Path d = Path.of(dir);
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> programs = Files.list(d)) {
                for (Path p : (Iterable<Path>) programs::iterator) {
                    String name = p.getFileName().toString();
                    if (name.startsWith("mvn") || name.startsWith("java") || name.equals("jshell") || Files.exists(tools.resolve(name),
                        java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        continue;
                    }
                    Files.createSymbolicLink(tools.resolve(name), p);
                }
            }
        }
    }

    static Path javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** The unpacked {@code metaxy-VERSION} folder. */
    public Path home() {
        return home;
    }

    /** The folder on the commands' PATH (system tools and java, no mvn). */
    public Path toolsDir() {
        return toolsDir;
    }

    /** The HOME the commands see. */
    public Path userHome() {
        return userHome;
    }

    /** Runs {@code bin/metaxy args} in {@code dir}. */
    public Result run(Path dir, String... args) {
        return run(dir, Map.of(), args);
    }

    /** Runs {@code bin/metaxy args} in {@code dir} with extra environment variables. */
    public Result run(Path dir, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/metaxy").toString()));
        command.addAll(List.of(args));
        return exec(dir, env, command);
    }

    /** Runs any command with the distribution's clean environment (PATH, HOME, then {@code env}). */
    public Result exec(Path dir, Map<String, String> env, List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> environment = pb.environment();
        environment.clear();
        environment.put("PATH", toolsDir.toString());
        environment.put("HOME", userHome.toString());
        environment.put("LANG", "C.UTF-8");
        environment.putAll(new HashMap<>(env));
        try {
            Process process = pb.start();
            process.getOutputStream().close();
            CompletableFuture<String> out = read(process.getInputStream());
            CompletableFuture<String> err = read(process.getErrorStream());
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in " + TIMEOUT_MINUTES + " minutes");
            }
            return new Result(process.exitValue(), out.get(), err.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Drains a stream on a thread of its own (the common pool has one thread on two cores: stdout and stderr would wait in turn). */
    private static CompletableFuture<String> read(InputStream in) {
        CompletableFuture<String> text = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (in) {
                text.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                text.completeExceptionally(e);
            }
        }, "metaxy-output-reader");
        reader.setDaemon(true);
        reader.start();
        return text;
    }
}
