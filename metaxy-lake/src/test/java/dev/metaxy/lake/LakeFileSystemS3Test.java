package dev.metaxy.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakeFileSystemS3Test {
    @Test
    void uploadsStatsAndDownloadsThroughS3a(@TempDir Path dir) throws Exception {
        LocalS3Server s3 = LocalS3Server.get();
        String bucket = s3.newBucket("lake");
        LakeFileSystem fs = LakeFileSystem.create(s3.storageOptions(), Map.of());
        Path local = Files.writeString(dir.resolve("a.txt"), "hello");
        fs.upload(local, "s3://" + bucket + "/x/a.txt");
        assertThat(s3.exists(bucket, "x/a.txt")).isTrue();
        assertThat(fs.status("s3://" + bucket + "/x/a.txt").getLen()).isEqualTo(5);
        assertThat(fs.status("s3://" + bucket + "/x/missing")).isNull();
        fs.download("s3://" + bucket + "/x/a.txt", dir.resolve("b.txt"));
        assertThat(Files.readString(dir.resolve("b.txt"))).isEqualTo("hello");
        try (ParquetStaging staging = new ParquetStaging(fs)) {
            String p = staging.localFor("s3://" + bucket + "/x/a.txt", 5);
            assertThat(Files.readString(Path.of(p))).isEqualTo("hello");
            assertThat(staging.localFor("s3://" + bucket + "/x/a.txt", 5)).isEqualTo(p);
        }
    }

    @Test
    void environmentVariablesConfigureS3() {
        LocalS3Server s3 = LocalS3Server.get();
        LakeFileSystem fs = LakeFileSystem.create(Map.of(), s3.environment());
        assertThat(fs.configuration().get("fs.s3a.endpoint")).isEqualTo(s3.endpoint());
        assertThat(fs.configuration().getBoolean("fs.s3a.path.style.access", false)).isTrue();
        assertThat(fs.configuration().get("fs.s3a.access.key")).isEqualTo(LocalS3Server.ACCESS_KEY);
    }

    @Test
    void normalizesRoots() {
        assertThat(LakeFileSystem.normalizeRoot("s3://b/x/")).isEqualTo("s3://b/x");
        assertThat(LakeFileSystem.normalizeRoot("file:///tmp/a/../b")).isEqualTo("/tmp/b");
        assertThat(LakeFileSystem.normalizeRoot("local:///tmp/c")).isEqualTo("/tmp/c");
        assertThat(LakeFileSystem.normalizeRoot("~/m")).isEqualTo(Path.of(System.getProperty("user.home"), "m").toString());
    }
}
