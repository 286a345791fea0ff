package dev.metaxy.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.lake.LakeScenario;
import dev.metaxy.lake.LocalS3Server;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IcebergStoreSmokeTest {
    @Test
    void localSqliteCatalog(@TempDir Path dir) {
        IcebergMetadataStore store = IcebergMetadataStore.builder(LakeScenario.graph(), dir).hashAlgorithm(HashAlgorithm.XXHASH64).build();
        assertThat(store.identifier("video/raw")).isEqualTo("metaxy.video__raw");
        LakeScenario.roundTrip(store, false);
        assertThat(Files.exists(dir.resolve("catalog.db"))).isTrue();
    }

    @Test
    void localHadoopCatalog(@TempDir Path dir) {
        LakeScenario.roundTrip(IcebergMetadataStore.builder(LakeScenario.graph(), dir).catalogProperties(Map.of("type", "hadoop"))
            .hashAlgorithm(HashAlgorithm.XXHASH64).build(), false);
        assertThat(Files.isDirectory(dir.resolve("metaxy/video__raw/metadata"))).isTrue();
    }

    @Test
    void s3WarehouseWithSqliteCatalog(@TempDir Path dir) {
        LocalS3Server s3 = LocalS3Server.get();
        String bucket = s3.newBucket("iceberg");
        LakeScenario.roundTrip(IcebergMetadataStore.builder(LakeScenario.graph(), "s3://" + bucket + "/warehouse")
            .catalogProperties(Map.of("uri", "jdbc:sqlite:" + dir.resolve("catalog.db")))
            .storageOptions(s3.storageOptions()).hashAlgorithm(HashAlgorithm.XXHASH64).build(), false);
    }

    @Test
    void s3WarehouseWithHadoopCatalog() {
        LocalS3Server s3 = LocalS3Server.get();
        String bucket = s3.newBucket("iceberg");
        LakeScenario.roundTrip(IcebergMetadataStore.builder(LakeScenario.graph(), "s3://" + bucket + "/warehouse")
            .catalogProperties(Map.of("type", "hadoop")).storageOptions(s3.storageOptions()).hashAlgorithm(HashAlgorithm.XXHASH64).build(), false);
    }
}
