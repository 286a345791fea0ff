package dev.metaxy.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user's project folder for the distribution tests: {@code features.json} (a root feature {@code video} with fields
 * audio and frames, and {@code video/faces}, whose field faces depends on frames only), a {@code metaxy.toml} with the
 * stores under test, and the commands run through the unpacked {@code bin/metaxy}.
 */
final class UserProject {
    static final ObjectMapper JSON = new ObjectMapper();

    /** The definitions as Python Metaxy's {@code FeatureDefinition.model_dump()} form; faces' code version is a parameter. */
    static String features(String facesCodeVersion) {
        return """
            {"features": [
              {"key": "video", "id_columns": ["sample_uid"],
               "fields": [{"key": "audio", "code_version": "1"}, {"key": "frames", "code_version": "1"}]},
              {"key": "video/faces", "id_columns": ["sample_uid"], "deps": [{"feature": "video"}],
               "fields": [{"key": "faces", "code_version": "%s", "deps": [{"feature": "video", "fields": ["frames"]}]}]}
            ]}
            """.formatted(facesCodeVersion);
    }

    private final Path dir;
    private final Map<String, String> env = new LinkedHashMap<>();

    UserProject(Path dir, String storesToml) {
        this.dir = dir;
        write("features.json", features("1"));
        write("metaxy.toml", """
            project = "demo"
            entrypoints = ["features.json"]
            auto_create_tables = true
            store = "dev"

            """ + storesToml);
    }

    UserProject env(Map<String, String> vars) {
        env.putAll(vars);
        return this;
    }

    Path dir() {
        return dir;
    }

    UserProject write(String name, String text) {
        try {
            Files.createDirectories(dir.resolve(name).getParent());
            Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Rows of {@code video} with ids {@code from..to}, provenance tagged {@code tag}, as JSON Lines. */
    UserProject videos(String file, int from, int to, String tag) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i <= to; i++) {
            sb.append("{\"sample_uid\": ").append(i).append(", \"path\": \"").append(tag).append(i).append(".mp4\", ")
                .append("\"metaxy_provenance_by_field\": {\"audio\": \"").append(tag).append("-a").append(i)
                .append("\", \"frames\": \"").append(tag).append("-f").append(i).append("\"}}\n");
        }
        return write(file, sb.toString());
    }

    Distribution.Result run(String... args) {
        return Distribution.get().run(dir, env, args);
    }

    /** Runs a command that must succeed; its stdout. */
    String ok(String... args) {
        Distribution.Result r = run(args);
        assertThat(r.exitCode()).as("metaxy %s\nstdout: %s\nstderr: %s", String.join(" ", args), r.out(), r.err()).isZero();
        return r.out();
    }

    JsonNode json(String... args) {
        try {
            return JSON.readTree(ok(args));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows {@code metadata read} prints as JSON Lines. */
    List<JsonNode> rows(String... readArgs) {
        List<String> args = new ArrayList<>(List.of("metadata", "read"));
        args.addAll(List.of(readArgs));
        List<JsonNode> rows = new ArrayList<>();
        for (String line : ok(args.toArray(String[]::new)).split("\n")) {
            if (!line.isBlank()) {
                try {
                    rows.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return rows;
    }

    /** The sample ids of rows. */
    static List<Long> ids(List<JsonNode> rows) {
        return rows.stream().map(r -> r.get("sample_uid").asLong()).sorted().toList();
    }

    /** One feature's entry of {@code metadata status --format json}. */
    JsonNode status(String feature, String... more) {
        List<String> args = new ArrayList<>(List.of("metadata", "status", feature, "--format", "json"));
        args.addAll(List.of(more));
        return json(args.toArray(String[]::new)).get("features").get(feature);
    }

    /** The current version of a feature, from {@code list features --format json}. */
    String featureVersion(String feature) {
        for (JsonNode f : json("list", "features", "--format", "json").get("features")) {
            if (f.get("key").asText().equals(feature)) {
                return f.get("version").asText();
            }
        }
        throw new AssertionError("no feature " + feature);
    }
}
