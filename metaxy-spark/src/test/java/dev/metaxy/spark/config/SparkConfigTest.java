package dev.metaxy.spark.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metaxy.config.ConfigException;
import dev.metaxy.config.MetaxyConfig;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.frame.Frame;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.spark.SparkMetadataStore;
import dev.metaxy.spark.SparkTestSession;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.MetadataStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkConfigTest {
    static final FeatureSpec VIDEO = FeatureSpec.builder("media/video").idColumns("sample_uid").field("frames", "1").build();

    @TempDir
    Path root;

    @BeforeAll
    static void session() {
        SparkTestSession.get(); // the store joins the running local session
    }

    private MetaxyConfig load(String toml) throws IOException {
        Path file = Files.writeString(root.resolve("metaxy.toml"), toml);
        return MetaxyConfig.loader().configFile(file).environment(Map.of("DATA_DIR", root.resolve("data").toString())).load();
    }

    @Test
    void sparkDeltaStoreFromMetaxyToml() throws IOException {
        MetaxyConfig config = load("""
            [stores.dev]
            type = "spark"

            [stores.dev.config]
            format = "delta"
            root_path = "${DATA_DIR}/lake"
            master = "local[2]"
            hash_algorithm = "xxhash64"
            materialization_id = "run-1"

            [stores.dev.config.spark_conf]
            "spark.sql.shuffle.partitions" = 4
            """);
        MetadataStore store = config.getStore("dev", FeatureGraph.of(List.of(VIDEO)));
        assertThat(store).isInstanceOf(SparkMetadataStore.class);
        assertThat(store.hashAlgorithm()).isEqualTo(HashAlgorithm.XXHASH64);
        assertThat(store.display()).isEqualTo("SparkMetadataStore(format=delta, path=" + root.resolve("data/lake") + ")");
        try (MetadataStore s = store.open(AccessMode.WRITE)) {
            s.write("media/video", List.of(Map.of("sample_uid", 1L, "metaxy_provenance_by_field", Map.of("frames", "f1"))));
            try (Frame f = s.read("media/video").collect()) {
                assertThat(f.toRows()).singleElement().satisfies(r -> assertThat(r).containsEntry("metaxy_materialization_id", "run-1"));
            }
        }
        // the Delta store's nested layout: <root>/media/video.delta
        assertThat(root.resolve("data/lake/media/video.delta/_delta_log")).isDirectory();
    }

    @Test
    void defaultsAndValidation() throws IOException {
        MetaxyConfig config = load("[stores.dev]\ntype = \"SparkMetadataStore\"\nconfig = { root_path = \"x\", layout = \"flat\" }\n");
        MetadataStore store = config.getStore("dev", FeatureGraph.of(List.of(VIDEO)));
        assertThat(store.hashAlgorithm()).isEqualTo(HashAlgorithm.XXHASH32);
        assertThat(((SparkMetadataStore) store).tableUri(VIDEO.key())).endsWith("/x/media__video.delta");
        assertThatThrownBy(() -> load("[stores.dev]\ntype = \"spark\"\nconfig = { format = \"orc\", root_path = \"x\" }\n")
            .getStore("dev", FeatureGraph.of(List.of(VIDEO)))).isInstanceOf(ConfigException.class).hasMessageContaining("format");
        assertThatThrownBy(() -> load("[stores.dev]\ntype = \"spark\"\nconfig = { format = \"delta\" }\n")
            .getStore("dev", FeatureGraph.of(List.of(VIDEO)))).isInstanceOf(ConfigException.class).hasMessageContaining("root_path");
        // the store only appends: a Delta writer mode that would replace the table is refused (found by metaxy-reliability)
        assertThatThrownBy(() -> load("[stores.dev]\ntype = \"spark\"\nconfig = { root_path = \"x\", delta_write_options = { mode = \"overwrite\" } }\n")
            .getStore("dev", FeatureGraph.of(List.of(VIDEO)))).isInstanceOf(ConfigException.class)
            .hasMessageContaining("delta_write_options").hasMessageContaining("sets mode 'overwrite'; the metadata store only appends");
    }
}
