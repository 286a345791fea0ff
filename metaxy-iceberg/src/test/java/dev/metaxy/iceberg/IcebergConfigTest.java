package dev.metaxy.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metaxy.config.MetaxyConfig;
import dev.metaxy.lake.LakeScenario;
import dev.metaxy.store.MetadataStore;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IcebergConfigTest {
    @Test
    void referenceClassPathAndShortNameBuildIcebergStores(@TempDir Path dir) {
        String toml = """
            [stores.ref]
            type = "metaxy.ext.polars.handlers.iceberg.IcebergMetadataStore"
            [stores.ref.config]
            warehouse = "${HOME}/wh"
            namespace = "features"

            [stores.short]
            type = "iceberg"
            [stores.short.config]
            warehouse = "${HOME}/wh2"
            catalog_properties = { type = "hadoop" }
            """;
        MetaxyConfig config = MetaxyConfig.fromToml(toml, dir, Map.of("HOME", dir.toString()));
        MetadataStore ref = config.getStore("ref", LakeScenario.graph());
        assertThat(ref).isInstanceOf(IcebergMetadataStore.class);
        assertThat(ref.display()).isEqualTo("IcebergMetadataStore(warehouse=" + dir.resolve("wh") + ")");
        assertThat(((IcebergMetadataStore) ref).identifier("video/raw")).isEqualTo("features.video__raw");
        assertThat(ref.hashAlgorithm().configName()).isEqualTo("xxhash32");
        assertThat(config.getStore("short", LakeScenario.graph())).isInstanceOf(IcebergMetadataStore.class);
    }
}
