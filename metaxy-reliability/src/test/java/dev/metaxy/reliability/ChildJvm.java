package dev.metaxy.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link WriterChild} in its own JVM (this JVM's class path, fast-start flags, its own {@code java.io.tmpdir}).
 * Its stdout lines are queued for {@link #awaitLine}; stderr goes to a file shown when a test fails.
 */
final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Path stderr;
    private final Thread pump;

    private ChildJvm(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process died
            }
            lines.add("EOF");
        }, "child-stdout");
        pump.setDaemon(true);
        pump.start();
    }

    /** Starts {@code WriterChild args...}; {@code tmp} becomes the child's java.io.tmpdir (and holds its stderr). */
    static ChildJvm start(Path tmp, String... args) {
        return start(WriterChild.class, StoreKind.valueOf(args[0]).childJvmFlags(), tmp, args);
    }

    /** Starts {@code main args...} the same way (another child program of these tests). */
    static ChildJvm start(Class<?> main, Path tmp, String... args) {
        return start(main, List.of(), tmp, args);
    }

    /** As {@link #start(Class, Path, String...)} with extra JVM flags (a Spark child's module openings). */
    static ChildJvm start(Class<?> main, List<String> flags, Path tmp, String... args) {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "-Xshare:auto", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", flags.isEmpty() ? "-Xmx384m" : "-Xmx768m", "-Xss1m", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "-D" + SparkKind.CHILD_PROPERTY + "=true", "-Djava.io.tmpdir=" + tmp));
        cmd.addAll(flags);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        try {
            Files.createDirectories(tmp);
            Path err = Files.createTempFile(tmp, "stderr", ".txt");
            Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
            return new ChildJvm(p, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next stdout line starting with {@code prefix} (skipping others); fails on EOF or timeout. */
    String awaitLine(String prefix, long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        try {
            while (true) {
                long left = deadline - System.currentTimeMillis();
                String line = left <= 0 ? null : lines.poll(left, TimeUnit.MILLISECONDS);
                if (line == null) {
                    throw new AssertionError("child did not print '" + prefix + "' within " + timeoutMillis + " ms" + stderrTail());
                }
                if (line.equals("EOF")) {
                    lines.add("EOF");
                    throw new AssertionError("child ended before printing '" + prefix + "' (exit " + exitCodeOrNull() + ")" + stderrTail());
                }
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Lines printed so far (not yet consumed) that start with {@code prefix}; consumes the queue. */
    List<String> drain(String prefix) {
        List<String> out = new ArrayList<>();
        String line;
        while ((line = lines.poll()) != null) {
            if (line.startsWith(prefix)) {
                out.add(line);
            }
        }
        return out;
    }

    /** SIGKILL (on Linux) and wait for the process to be gone; then collects the stdout it printed before dying. */
    void kill() {
        process.destroyForcibly();
        waitFor(30_000);
        try {
            pump.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for a normal exit; returns the exit code. */
    int waitFor(long timeoutMillis) {
        try {
            if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("child did not exit within " + timeoutMillis + " ms" + stderrTail());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Closes the child's stdin (a holding child then exits normally). */
    void closeStdin() {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    private Integer exitCodeOrNull() {
        return process.isAlive() ? null : process.exitValue();
    }

    String stderrTail() {
        try {
            String s = Files.readString(stderr);
            return s.isBlank() ? "" : "\n--- child stderr ---\n" + (s.length() > 4000 ? s.substring(s.length() - 4000) : s);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            waitFor(30_000);
        }
    }
}
