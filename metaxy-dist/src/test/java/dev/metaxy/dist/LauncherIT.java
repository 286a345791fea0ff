package dev.metaxy.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The unpacked archive itself: layout, start-up, version, completion, class-data sharing, missing Java, Spark. */
class LauncherIT {
    private final Distribution dist = Distribution.get();

    @TempDir
    Path dir;

    @Test
    void theArchiveHoldsTheLauncherEveryJarOfItsClassPathAndTheCompletionScript() throws IOException {
        Path home = dist.home();
        assertThat(home.getFileName().toString()).matches("metaxy-\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(Files.getPosixFilePermissions(home.resolve("bin/metaxy"))).contains(PosixFilePermission.OWNER_EXECUTE);
        String classpath = Files.readString(home.resolve("lib/classpath")).trim();
        List<String> entries = List.of(classpath.split(":"));
        assertThat(entries).allSatisfy(e -> {
            assertThat(e).startsWith("@LIB@/");
            assertThat(home.resolve("lib").resolve(e.substring("@LIB@/".length()))).isRegularFile();
        });
        Set<String> jars = new TreeSet<>();
        try (Stream<Path> files = Files.list(home.resolve("lib"))) {
            files.filter(f -> f.toString().endsWith(".jar")).forEach(f -> jars.add("@LIB@/" + f.getFileName()));
        }
        assertThat(new TreeSet<>(entries)).isEqualTo(jars);
        assertThat(entries).anyMatch(e -> e.contains("metaxy-duckdb-")).anyMatch(e -> e.contains("metaxy-postgres-"))
            .anyMatch(e -> e.contains("metaxy-delta-")).anyMatch(e -> e.contains("metaxy-iceberg-"))
            .noneMatch(e -> e.contains("spark"));
        try (Stream<Path> optional = Files.list(home.resolve("lib/optional"))) {
            assertThat(optional.map(p -> p.getFileName().toString())).singleElement().asString().startsWith("metaxy-spark-");
        }
        String completion = Files.readString(home.resolve("share/bash-completion/metaxy"));
        assertThat(completion).contains("complete -F").contains("metaxy").contains("resolve").contains("--assert-in-sync");
    }

    @Test
    void theZipHoldsTheSameFilesAsTheTarball() throws IOException {
        Path zip = Path.of(System.getProperty("metaxy.dist.archive").replaceAll("\\.tar\\.gz$", ".zip"));
        Set<String> zipped = new TreeSet<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements();) {
                ZipEntry entry = e.nextElement();
                if (!entry.isDirectory()) {
                    zipped.add(entry.getName());
                }
            }
        }
        Set<String> unpacked = new TreeSet<>();
        Path parent = dist.home().getParent();
        try (Stream<Path> files = Files.walk(dist.home())) {
            files.filter(Files::isRegularFile).forEach(f -> unpacked.add(parent.relativize(f).toString()));
        }
        assertThat(zipped).isEqualTo(unpacked);
    }

    @Test
    void versionHelpListAndPushWithOnlyJavaOnThePath() throws Exception {
        assertThat(dist.exec(dir, Map.of(), List.of("bash", "-c", "command -v mvn || echo none")).out().trim()).isEqualTo("none");
        Distribution.Result version = dist.run(dir, "--version");
        assertThat(version.ok().trim()).matches("metaxy \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(JVM\\)");
        assertThat(dist.home().getFileName().toString()).isEqualTo("metaxy-" + version.out().trim().split(" ")[1]);

        Distribution.Result help = dist.run(dir, "--help");
        assertThat(help.ok()).contains("Usage: metaxy").contains("push").contains("graph").contains("Learn more in Metaxy docs");

        UserProject p = new UserProject(dir, """
            [stores.dev]
            type = "duckdb"
            [stores.dev.config]
            database = "./dev.duckdb"
            """);
        assertThat(p.json("list", "features", "--format", "json").get("feature_count").asInt()).isEqualTo(2);
        Distribution.Result push = p.run("push");
        assertThat(push.ok()).matches("[0-9a-f]{8}\n");
        assertThat(push.err()).contains("✓ Recorded feature graph");
        assertThat(p.run("push").err()).contains("✓ Snapshot already recorded (no changes)");
        assertThat(duckDbStorageVersion(dir.resolve("dev.duckdb")))
            .as("the file the CLI wrote with a default metaxy.toml: DuckDB 1.4's storage version, which Python's DuckDB 1.4 and 1.5 read")
            .isEqualTo(67L);
    }

    /** The storage version in a DuckDB file's main header (after the 8-byte checksum and the "DUCK" magic). */
    private static long duckDbStorageVersion(Path file) throws java.io.IOException {
        byte[] header = new byte[20];
        try (java.io.InputStream in = Files.newInputStream(file)) {
            assertThat(in.readNBytes(header, 0, 20)).isEqualTo(20);
        }
        assertThat(new String(header, 8, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("DUCK");
        return java.nio.ByteBuffer.wrap(header, 12, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
    }

    @Test
    void theFirstRunMakesAClassDataSharingArchiveThatLaterRunsUse() throws Exception {
        Path cache = dir.resolve("cache");
        Map<String, String> env = Map.of("METAXY_CACHE_DIR", cache.toString());
        dist.run(dir, env, "--version").ok();
        List<Path> archives = archives(cache);
        assertThat(archives).singleElement().satisfies(a -> assertThat(Files.size(a)).isGreaterThan(1_000_000));
        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no failed training, no leftovers").hasSize(1);
        }
        long made = Files.getLastModifiedTime(archives.get(0)).toMillis();
        Distribution.Result second = dist.run(dir, Map.of("METAXY_CACHE_DIR", cache.toString(), "JAVA_OPTS", "-Xlog:cds=info:stderr"),
            "--version");
        assertThat(second.ok()).startsWith("metaxy ");
        assertThat(second.err()).contains(archives.get(0).toString());
        assertThat(archives(cache)).containsExactlyElementsOf(archives);
        assertThat(Files.getLastModifiedTime(archives.get(0)).toMillis()).isEqualTo(made);

        // the archive was trained on store commands: DuckDB's classes come from it, not from the jar
        UserProject p = new UserProject(dir.resolve("project"), """
            [stores.dev]
            type = "duckdb"
            [stores.dev.config]
            database = "./dev.duckdb"
            """).env(Map.of("METAXY_CACHE_DIR", cache.toString(), "JAVA_OPTS", "-Xlog:class+load=info:stderr"));
        p.videos("video.jsonl", 1, 2, "v");
        Distribution.Result write = p.run("metadata", "write", "video", "--input", "video.jsonl");
        assertThat(write.exitCode()).as(write.err()).isZero();
        assertThat(write.err()).containsPattern("org\\.duckdb\\.DuckDBConnection source: shared objects file");
        assertThat(archives(cache)).containsExactlyElementsOf(archives);

        Path none = dir.resolve("no-cds");
        dist.run(dir, Map.of("METAXY_CACHE_DIR", none.toString(), "METAXY_CDS", "0"), "--version").ok();
        assertThat(none).doesNotExist();
    }

    private static List<Path> archives(Path cache) throws IOException {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(f -> f.toString().endsWith(".jsa")).sorted().toList();
        }
    }

    @Test
    void withoutJavaTheLauncherSaysSoInOneLine() throws IOException {
        Path tools = Files.createDirectories(dir.resolve("tools"));
        for (String tool : List.of("bash", "env", "dirname", "readlink", "tr", "cat", "sed", "stat", "cksum", "cut", "mkdir", "mv", "rm")) {
            Path real = dist.toolsDir().resolve(tool);
            if (Files.exists(real)) {
                Files.createSymbolicLink(tools.resolve(tool), real.toRealPath());
            }
        }
        Distribution.Result r = dist.run(dir, Map.of("PATH", tools.toString()), "--version");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).containsExactly("metaxy: no Java runtime found: put java (17 or newer) on the PATH or set JAVA_HOME");
    }

    @Test
    void everyStoreTypeNameTheReadmeShowsIsKnown() {
        Map<String, String> types = new java.util.LinkedHashMap<>();
        types.put("duckdb", "database = \"./a.duckdb\"");
        types.put("metaxy.ext.duckdb.DuckDBMetadataStore", "database = \"./b.duckdb\"");
        types.put("dev.metaxy.duckdb.DuckDbMetadataStore", "database = \"./c.duckdb\"");
        types.put("postgres", "connection_string = \"postgresql://metaxy@db.internal:5432/metaxy\"");
        types.put("postgresql", "connection_string = \"postgresql://metaxy@db.internal:5432/metaxy\"");
        types.put("metaxy.ext.postgresql.PostgreSQLMetadataStore", "connection_string = \"postgresql://metaxy@db.internal:5432/metaxy\"");
        types.put("delta", "root_path = \"./delta\"");
        types.put("metaxy.ext.polars.handlers.delta.DeltaMetadataStore", "root_path = \"./delta2\"");
        types.put("iceberg", "warehouse = \"./warehouse\"");
        types.put("metaxy.ext.polars.handlers.iceberg.IcebergMetadataStore", "warehouse = \"./warehouse2\"");
        StringBuilder toml = new StringBuilder();
        int i = 0;
        for (Map.Entry<String, String> t : types.entrySet()) {
            String name = i++ == 0 ? "dev" : "s" + i;
            toml.append("[stores.").append(name).append("]\ntype = \"").append(t.getKey()).append("\"\n[stores.").append(name)
                .append(".config]\n").append(t.getValue()).append("\n\n");
        }
        UserProject p = new UserProject(dir, toml.toString());
        com.fasterxml.jackson.databind.JsonNode stores = p.json("list", "stores", "--format", "json");
        assertThat(stores.get("store_count").asInt()).isEqualTo(types.size());
        assertThat(stores.toString()).contains("DuckDBMetadataStore").contains("PostgresMetadataStore")
            .contains("DeltaMetadataStore").contains("IcebergMetadataStore");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("listing opens no store")
                .containsExactlyInAnyOrder("features.json", "metaxy.toml");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void sparkWithoutItsJarsIsOneLineSayingHowToAddThem() {
        UserProject p = new UserProject(dir, """
            [stores.dev]
            type = "spark"
            root_path = "./spark"
            """);
        p.write("video.jsonl", "{\"sample_uid\": 1, \"metaxy_provenance_by_field\": {\"audio\": \"a\", \"frames\": \"f\"}}\n");
        List<String[]> commands = new ArrayList<>();
        commands.add(new String[] {"metadata", "status", "--all-features"});
        commands.add(new String[] {"metadata", "write", "video", "--input", "video.jsonl"});
        for (String[] command : commands) {
            Distribution.Result r = p.run(command);
            assertThat(r.exitCode()).isNotZero();
            assertThat(r.out()).isEmpty();
            // the reference's configuration-error form: the problem, then the config file and its note
            List<String> lines = r.errLines();
            assertThat(lines.get(0)).contains("Store 'dev' has type 'spark'").contains("METAXY_CLASSPATH")
                .contains("lib/optional/metaxy-spark-");
            assertThat(lines.subList(1, lines.size()).stream().map(String::strip)).containsExactly("Config file: " + dir.resolve("metaxy.toml"),
                "Note: METAXY_* environment variables can override config file settings");
        }
        assertThat(dir.resolve("spark")).doesNotExist();
    }
}
