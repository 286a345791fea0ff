package dev.metaxy.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metaxy.cli.MetaxyCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Part 3 of the reliability issue, CLI half: bad configuration files and arguments through {@code metaxy}
 * (in-process, {@link MetaxyCli#execute}). Each case must exit 1 with a message naming the problem, and leave the
 * project directory as it was (no database file created, nothing else written).
 */
class CliBadInputTest {
    /** name -> {metaxy.toml text (@DB@ = a database path), fragment of the error}; reused by the Java API catalogue. */
    static final Map<String, String[]> BAD_CONFIGS = new LinkedHashMap<>();

    static {
        String store = "store = \"dev\"\n[stores.dev]\ntype = \"duckdb\"\n[stores.dev.config]\ndatabase = \"@DB@\"\n";
        BAD_CONFIGS.put("malformed TOML (value missing)", new String[] {"project = \"demo\"\nstore = \n", "TOML"});
        BAD_CONFIGS.put("malformed TOML (unclosed table)", new String[] {"[stores.dev\ntype = \"duckdb\"\n", "TOML"});
        BAD_CONFIGS.put("malformed TOML (duplicate key)", new String[] {"project = \"a\"\nproject = \"b\"\n", "TOML"});
        BAD_CONFIGS.put("malformed TOML (unterminated string)", new String[] {"project = \"demo\n", "TOML"});
        BAD_CONFIGS.put("unknown store type", new String[] {"store = \"dev\"\n[stores.dev]\ntype = \"nosuchstore\"\n", "nosuchstore"});
        BAD_CONFIGS.put("unknown store class path", new String[] {"store = \"dev\"\n[stores.dev]\ntype = \"com.example.NoSuchStore\"\n",
            "com.example.NoSuchStore"});
        // like the reference, a store entry without 'type' is dropped with a warning: no store is left
        BAD_CONFIGS.put("store without a type", new String[] {"store = \"dev\"\n[stores.dev.config]\ndatabase = \"@DB@\"\n",
            "No Metaxy stores available", "api-only"});
        BAD_CONFIGS.put("unknown store option", new String[] {store + "bogus_option = 1\n", "bogus_option"});
        BAD_CONFIGS.put("misspelled store option", new String[] {store + "hash_algoritm = \"md5\"\n", "hash_algoritm"});
        BAD_CONFIGS.put("undefined ${VAR}", new String[] {"store = \"dev\"\n[stores.dev]\ntype = \"duckdb\"\n[stores.dev.config]\n"
            + "database = \"${METAXY_RELIABILITY_UNDEFINED}/m.duckdb\"\n", "METAXY_RELIABILITY_UNDEFINED"});
        BAD_CONFIGS.put("unknown hash algorithm in a store", new String[] {store + "hash_algorithm = \"blake3\"\n", "blake3"});
        BAD_CONFIGS.put("hash truncation below 8", new String[] {"hash_truncation_length = 4\n" + store, "greater than or equal to 8"});
        BAD_CONFIGS.put("default store not defined", new String[] {store.replace("store = \"dev\"", "store = \"missing\""), "missing",
            "api-only"}); // list stores does not instantiate the default store
        BAD_CONFIGS.put("fallback to an undefined store", new String[] {"store = \"dev\"\n[stores.dev]\ntype = \"duckdb\"\n"
            + "fallback_stores = [\"ghost\"]\n[stores.dev.config]\ndatabase = \"@DB@\"\n", "ghost"});
        BAD_CONFIGS.put("extend of a missing file", new String[] {"extend = \"no-such-base.toml\"\n" + store, "no-such-base.toml"});
        BAD_CONFIGS.put("option of the wrong type", new String[] {"auto_create_tables = \"maybe\"\n" + store, "auto_create_tables"});
    }

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
        String all() {
            return out + "\n" + err;
        }
    }

    static Result cli(Path dir, Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MetaxyCli.execute(args, env, dir, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static List<String> listing(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p) + (Files.isRegularFile(p) ? ":" + p.toFile().length() : "")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> badConfigurationsFailWithAClearMessageAndWriteNothing() {
        List<DynamicTest> tests = new ArrayList<>();
        BAD_CONFIGS.forEach((name, tomlAndMessage) -> tests.add(DynamicTest.dynamicTest(name, () -> {
            if (tomlAndMessage.length > 2) {
                return; // only meaningful where a store is instantiated
            }
            Path dir = Files.createDirectories(tmp.resolve(name.replaceAll("[^a-zA-Z0-9]+", "_")));
            Path config = dir.resolve("metaxy.toml");
            Files.writeString(config, tomlAndMessage[0].replace("@DB@", dir.resolve("m.duckdb").toString()));
            List<String> before = listing(dir);
            Result r = cli(dir, Map.of(), "--config-file", config.toString(), "list", "stores");
            assertThat(r.code()).as(r.all()).isEqualTo(1);
            assertThat(r.all()).contains(tomlAndMessage[1]).doesNotContain("Exception in thread").doesNotContain("\tat ");
            assertThat(listing(dir)).as("nothing written").isEqualTo(before);
        })));
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> badArgumentsFailWithAClearMessage() {
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put("unknown command", new String[] {"frobnicate", "frobnicate"});
        cases.put("unknown option", new String[] {"--no-such-option", "--no-such-option"});
        cases.put("missing config file", new String[] {"--config-file", "does-not-exist.toml", "list", "stores", "does-not-exist.toml"});
        List<DynamicTest> tests = new ArrayList<>();
        cases.forEach((name, argsAndMessage) -> tests.add(DynamicTest.dynamicTest(name, () -> {
            Path dir = Files.createDirectories(tmp.resolve(name.replaceAll("[^a-zA-Z0-9]+", "_")));
            String[] args = java.util.Arrays.copyOf(argsAndMessage, argsAndMessage.length - 1);
            List<String> before = listing(dir);
            Result r = cli(dir, Map.of(), args);
            assertThat(r.code()).as(r.all()).isNotZero();
            assertThat(r.all()).contains(argsAndMessage[argsAndMessage.length - 1]).doesNotContain("\tat ");
            assertThat(listing(dir)).isEqualTo(before);
        })));
        return tests.stream();
    }
}
