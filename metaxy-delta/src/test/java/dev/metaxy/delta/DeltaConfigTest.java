package dev.metaxy.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metaxy.config.MetaxyConfig;
import dev.metaxy.lake.LakeScenario;
import dev.metaxy.store.MetadataStore;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeltaConfigTest {
    @Test
    void shortNameAndReferenceClassPathsBuildDeltaStores(@TempDir Path dir) {
        String toml = """
            [stores.a]
            type = "delta"
            [stores.a.config]
            root_path = "${HOME}/a"
            layout = "flat"

            [stores.b]
            type = "metaxy.ext.polars.DeltaMetadataStore"
            [stores.b.config]
            root_path = "file://${HOME}/b/"
            [stores.b.config.storage_options]
            AWS_REGION = "us-west-2"

            [stores.c]
            type = "metaxy.ext.polars.handlers.delta.DeltaMetadataStore"
            [stores.c.config]
            root_path = "s3://bucket/metaxy/"
            hash_algorithm = "xxhash64"

            [stores.bad]
            type = "delta"
            [stores.bad.config]
            root_path = "/x"
            layout = "deep"
            """;
        MetaxyConfig config = MetaxyConfig.fromToml(toml, dir, Map.of("HOME", dir.toString()));
        MetadataStore a = config.getStore("a", LakeScenario.graph());
        assertThat(a.display()).isEqualTo("DeltaMetadataStore(path=" + dir.resolve("a") + ")");
        assertThat(a.hashAlgorithm().configName()).isEqualTo("xxhash32");
        assertThat(((DeltaMetadataStore) a).tableName(LakeScenario.VIDEO.key())).isEqualTo(dir.resolve("a") + "/video__raw.delta");
        DeltaMetadataStore b = (DeltaMetadataStore) config.getStore("b", LakeScenario.graph());
        assertThat(b.rootPath()).isEqualTo(dir.resolve("b").toString());
        assertThat(b.tableName(LakeScenario.VIDEO.key())).isEqualTo(dir.resolve("b") + "/video/raw.delta");
        assertThat(b.storageOptions()).containsEntry("AWS_REGION", "us-west-2");
        MetadataStore c = config.getStore("c", LakeScenario.graph());
        assertThat(c.display()).isEqualTo("DeltaMetadataStore(path=s3://bucket/metaxy)");
        assertThat(c.hashAlgorithm().configName()).isEqualTo("xxhash64");
        assertThatThrownBy(() -> config.getStore("bad", LakeScenario.graph())).hasMessageContaining("layout");
    }
}
