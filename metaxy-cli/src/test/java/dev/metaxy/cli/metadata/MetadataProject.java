package dev.metaxy.cli.metadata;

import dev.metaxy.cli.CliRun;
import dev.metaxy.config.MetaxyConfig;
import dev.metaxy.definition.DefinitionJson;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.frame.Frame;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.FeatureNotInStoreException;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.ReadOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A temporary Metaxy project for CLI tests: {@code metaxy.toml} with DuckDB stores {@code dev} (default) and
 * {@code prod}, {@code auto_create_tables = true}, and features from a JSON definition file: root {@code video/raw}
 * (field {@code default}, user column {@code level}) and {@code video/clean} depending on it.
 */
final class MetadataProject {
    static final FeatureSpec RAW = FeatureSpec.builder("video/raw").idColumns("sample_uid").field("default", "1").build();
    static final FeatureSpec CLEAN = FeatureSpec.builder("video/clean").idColumns("sample_uid").dependsOn(RAW).field("default", "1").build();
    static final FeatureSpec LOGS = FeatureSpec.builder("logs").idColumns("sample_uid").field("level", "1").build();

    final Path dir;

    MetadataProject(Path dir) {
        this.dir = dir;
        features(RAW, CLEAN, LOGS);
    }

    /** (Re)writes the definition file and the config. */
    MetadataProject features(FeatureSpec... specs) {
        try {
            DefinitionJson.writeFile(dir.resolve("features.json"), List.of(specs));
            Files.writeString(dir.resolve("metaxy.toml"), """
                project = "demo"
                store = "dev"
                entrypoints = ["features.json"]
                auto_create_tables = true

                [stores.dev]
                type = "duckdb"
                [stores.dev.config]
                database = "%s"

                [stores.prod]
                type = "duckdb"
                [stores.prod.config]
                database = "%s"
                """.formatted(dir.resolve("dev.duckdb"), dir.resolve("prod.duckdb")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    CliRun.Result run(String... args) {
        return new CliRun(dir).run(args);
    }

    /** Works with an opened store of this project, through the library. */
    <T> T withStore(String name, AccessMode mode, Function<MetadataStore, T> work) {
        MetaxyConfig config = MetaxyConfig.loader().configFile(dir.resolve("metaxy.toml")).environment(Map.of()).load();
        try (MetadataStore s = config.getStore(name).open(mode)) {
            return work.apply(s);
        }
    }

    /** Writes root rows {@code s1..sN} with {@code level} values and provenance {@code p<i>}. */
    void writeRoot(String store, String feature, String field, String... levels) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < levels.length; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("sample_uid", "s" + (i + 1));
            row.put("level", levels[i]);
            row.put("metaxy_provenance_by_field", Map.of(field, "p" + (i + 1)));
            rows.add(row);
        }
        withStore(store, AccessMode.WRITE, s -> {
            s.write(feature, rows);
            return null;
        });
    }

    void writeRaw(String... levels) {
        writeRoot("dev", "video/raw", "default", levels);
    }

    /** Resolves {@code video/clean} in the store and writes its new samples (brings it up to date). */
    void materializeClean(String store) {
        withStore(store, AccessMode.WRITE, s -> {
            try (var inc = s.resolveUpdate("video/clean")) {
                s.write("video/clean", inc.newSamples());
            }
            return null;
        });
    }

    /** Rows a default read returns (0 when the feature has no table). */
    long count(String store, String feature) {
        return count(store, feature, ReadOptions.defaults().allowFallback(false));
    }

    long count(String store, String feature, ReadOptions options) {
        return withStore(store, AccessMode.READ, s -> {
            try {
                return s.read(feature, options).count();
            } catch (FeatureNotInStoreException e) {
                return 0L;
            }
        });
    }

    /** All raw rows of the feature's table (every version, every row, tombstones too). */
    long rawRows(String store, String feature) {
        return count(store, feature, ReadOptions.defaults().allowFallback(false).withFeatureHistory().withSampleHistory().includeSoftDeleted());
    }

    List<Map<String, Object>> rows(String store, String feature) {
        return withStore(store, AccessMode.READ, s -> {
            try (Frame f = s.read(feature, ReadOptions.defaults().allowFallback(false)).collect()) {
                return f.toRows();
            }
        });
    }
}
