package dev.metaxy.delta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.FieldDep;
import dev.metaxy.expr.Expressions;
import dev.metaxy.frame.Frame;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.DeleteOptions;
import dev.metaxy.store.Increment;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.ReadOptions;
import dev.metaxy.store.ResolveOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.metaxy.lake.LakeScenario;
import dev.metaxy.lake.LocalS3Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeltaStoreSmokeTest {
    static final FeatureSpec VIDEO = FeatureSpec.builder("video/raw").idColumns("sample_uid").field("audio", "1").field("frames", "1").build();
    static final FeatureSpec FACES = FeatureSpec.builder("video/faces").idColumns("sample_uid").dependsOn(VIDEO)
        .field("faces", "1", FieldDep.on(VIDEO.key(), "frames")).build();

    static List<Map<String, Object>> samples(int n, String audioTag) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (long i = 1; i <= n; i++) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("sample_uid", i);
            r.put("path", "s3://bucket/" + i + ".mp4");
            r.put("metaxy_provenance_by_field", Map.of("audio", "a" + audioTag + i, "frames", "f" + i));
            rows.add(r);
        }
        return rows;
    }

    @Test
    void localRoundTrip(@TempDir Path dir) {
        FeatureGraph graph = FeatureGraph.of(List.of(VIDEO, FACES));
        LakeScenario.roundTrip(DeltaMetadataStore.builder(graph, dir.toString()).hashAlgorithm(HashAlgorithm.XXHASH64).build(), true);
        assertThat(Files.isDirectory(dir.resolve("video/raw.delta/_delta_log"))).isTrue();
    }

    @Test
    void s3RoundTrip() {
        LocalS3Server s3 = LocalS3Server.get();
        String bucket = s3.newBucket("delta");
        FeatureGraph graph = FeatureGraph.of(List.of(VIDEO, FACES));
        LakeScenario.roundTrip(DeltaMetadataStore.builder(graph, "s3://" + bucket + "/metaxy/").storageOptions(s3.storageOptions())
            .hashAlgorithm(HashAlgorithm.XXHASH64).build(), true);
        assertThat(s3.exists(bucket, "metaxy/video/raw.delta/_delta_log/00000000000000000000.json")).isTrue();
    }
}
