package dev.metaxy.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server for tests, started once per JVM and stopped at JVM exit: {@code initdb
 * --auth=trust} into a temporary directory and {@code pg_ctl start} on a free 127.0.0.1 port, with the installed
 * binaries ({@code /usr/lib/postgresql/<v>/bin}, or {@code METAXY_PG_BIN}). When the JVM runs as root, the server
 * runs as the {@code postgres} OS user ({@code su postgres -s /bin/sh -c ...}). When {@code METAXY_TEST_PG_URL} is
 * set (a JDBC URL of a running server whose user may create databases), that server is used instead.
 */
public final class PostgresServer {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresServer instance;

    private final String host;
    private final int port;
    private final String adminUrl;
    private final String user;

    private PostgresServer(String host, int port, String adminUrl, String user) {
        this.host = host;
        this.port = port;
        this.adminUrl = adminUrl;
        this.user = user;
    }

    /** The shared server, started on first use. */
    public static synchronized PostgresServer get() {
        if (instance == null) {
            String external = System.getenv("METAXY_TEST_PG_URL");
            instance = external != null && !external.isBlank() ? new PostgresServer(null, -1, external, null) : start();
        }
        return instance;
    }

    /**
     * Creates a fresh, empty database named after {@code prefix} and returns its JDBC URL (user {@code postgres},
     * no password, on a throwaway server; the external server's credentials otherwise).
     */
    public String freshDatabase(String prefix) {
        String name = (prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_") + "_" + ProcessHandle.current().pid()
            + "_" + DATABASES.incrementAndGet());
        if (name.length() > 60) {
            name = name.substring(name.length() - 60);
        }
        try (Connection c = DriverManager.getConnection(adminUrl, props()); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return databaseUrl(name);
    }

    private String databaseUrl(String name) {
        if (host != null) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + name + "?user=" + user;
        }
        // replace the database path of the external URL
        int slash = adminUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = adminUrl.indexOf('?');
        String base = slash < 0 ? (query < 0 ? adminUrl : adminUrl.substring(0, query)) : adminUrl.substring(0, slash);
        return base + "/" + name + (query < 0 ? "" : adminUrl.substring(query));
    }

    private java.util.Properties props() {
        java.util.Properties p = new java.util.Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        return p;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    // ------------------------------------------------------------------ throwaway server

    private static PostgresServer start() {
        Path bin = binDir();
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            Path base = Files.createTempDirectory("metaxy-pg-");
            Path data = base.resolve("data");
            Files.createDirectories(data);
            if (root) {
                run(List.of("chown", "-R", "postgres:postgres", base.toString()), false);
            }
            int port = freePort();
            String initdb = q(bin.resolve("initdb").toString()) + " -D " + q(data.toString())
                + " -U postgres --auth=trust -E UTF8 --no-sync --locale=C";
            runAsServerUser(initdb, root);
            String opts = "-p " + port + " -c listen_addresses=127.0.0.1 -k " + data
                + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
            String pgCtl = q(bin.resolve("pg_ctl").toString());
            runAsServerUser(pgCtl + " -D " + q(data.toString()) + " -l " + q(base.resolve("server.log").toString())
                + " -w -t 60 -o " + q(opts) + " start", root);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    runAsServerUser(pgCtl + " -D " + q(data.toString()) + " -m immediate -w stop", root);
                } catch (RuntimeException e) {
                    System.err.println("Could not stop the test PostgreSQL server: " + e.getMessage());
                }
                deleteTree(base);
            }, "metaxy-pg-stop"));
            return new PostgresServer("127.0.0.1", port, "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest {@code /usr/lib/postgresql/<v>/bin} with initdb, or {@code METAXY_PG_BIN}. */
    static Path binDir() {
        String env = System.getenv("METAXY_PG_BIN");
        if (env != null && !env.isBlank()) {
            return Paths.get(env);
        }
        Path lib = Paths.get("/usr/lib/postgresql");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> versions = Files.list(lib)) {
                List<Path> found = new ArrayList<>(versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb"))).toList());
                found.sort(Comparator.comparingInt(PostgresServer::versionOf));
                if (!found.isEmpty()) {
                    return found.get(found.size() - 1).resolve("bin");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("No PostgreSQL server binaries found under /usr/lib/postgresql/*/bin (install the "
            + "Debian package 'postgresql', set METAXY_PG_BIN, or point METAXY_TEST_PG_URL at a running server)");
    }

    private static int versionOf(Path p) {
        try {
            return Integer.parseInt(p.getFileName().toString().replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    private static void runAsServerUser(String command, boolean root) {
        if (root) {
            run(List.of("su", "postgres", "-s", "/bin/sh", "-c", command), true);
        } else {
            run(List.of("/bin/sh", "-c", command), true);
        }
    }

    private static void run(List<String> command, boolean inTmp) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            if (inTmp) {
                pb.directory(new java.io.File(System.getProperty("java.io.tmpdir")));
            }
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("Timed out: " + command);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("Command failed (" + p.exitValue() + "): " + command + "\n"
                    + new String(out, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String q(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static void deleteTree(Path base) {
        try (Stream<Path> walk = Files.walk(base)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
