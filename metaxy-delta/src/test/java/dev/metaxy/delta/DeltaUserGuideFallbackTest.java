package dev.metaxy.delta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metaxy.config.MetaxyConfig;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.FieldDep;
import dev.metaxy.frame.Frame;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.lake.LocalS3Server;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.Increment;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.ResolveOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference user guide's fallback set-up, verbatim: a dev Delta store under {@code ${HOME}/.metaxy/dev} falling
 * back to a prod Delta store on {@code s3://my-prod-bucket/metaxy}. The S3 endpoint and credentials come from the
 * AWS SDK's JVM system properties (the environment variables' equivalents), as they would in production.
 */
class DeltaUserGuideFallbackTest {
    static final String GUIDE_TOML = """
        [stores.dev]
        type = "metaxy.ext.polars.handlers.delta.DeltaMetadataStore"
        root_path = "${HOME}/.metaxy/dev"
        fallback_stores = ["prod"]

        [stores.prod]
        type = "metaxy.ext.polars.handlers.delta.DeltaMetadataStore"
        root_path = "s3://my-prod-bucket/metaxy"
        """;
    static final FeatureSpec RAW = FeatureSpec.builder("video/raw").idColumns("sample_uid").field("frames", "1").build();
    static final FeatureSpec FACES = FeatureSpec.builder("video/faces").idColumns("sample_uid").dependsOn(RAW)
        .field("faces", "1", FieldDep.on(RAW.key(), "frames")).build();
    static final Map<String, String> PROPS = new LinkedHashMap<>();

    @BeforeAll
    static void pointTheSdkAtTheLocalServer() {
        LocalS3Server s3 = LocalS3Server.get();
        s3.ensureBucket("my-prod-bucket");
        PROPS.put("aws.endpointUrl", s3.endpoint());
        PROPS.put("aws.accessKeyId", LocalS3Server.ACCESS_KEY);
        PROPS.put("aws.secretAccessKey", LocalS3Server.SECRET_KEY);
        PROPS.put("aws.region", "us-east-1");
        PROPS.forEach(System::setProperty);
    }

    @AfterAll
    static void restore() {
        PROPS.keySet().forEach(System::clearProperty);
    }

    static List<Map<String, Object>> rows(int from, int to, String tag) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("sample_uid", i);
            r.put("path", tag + i);
            r.put("metaxy_provenance_by_field", Map.of("frames", tag + "-f" + i));
            out.add(r);
        }
        return out;
    }

    static Map<Object, Object> provenanceById(Frame f) {
        Map<Object, Object> m = new TreeMap<>();
        f.toRows().forEach(r -> m.put(r.get("sample_uid"), r.get("metaxy_provenance")));
        return m;
    }

    @Test
    void devReadsMissingFeaturesWholeFromProdOnS3(@TempDir Path home) throws Exception {
        MetaxyConfig config = MetaxyConfig.fromToml(GUIDE_TOML, home, Map.of("HOME", home.toString()));
        FeatureGraph graph = FeatureGraph.of(List.of(RAW, FACES));
        Map<Object, Object> prodFaces;
        try (MetadataStore prod = config.getStore("prod", graph).open(AccessMode.WRITE)) {
            assertThat(prod.display()).isEqualTo("DeltaMetadataStore(path=s3://my-prod-bucket/metaxy)");
            try (Frame f = Frame.fromRows(rows(1, 6, "prod"))) {
                prod.write("video/raw", f);
            }
            try (Increment inc = prod.resolveUpdate("video/faces")) {
                prod.write("video/faces", inc.newSamples());
            }
            try (Frame faces = prod.read("video/faces").collect()) {
                prodFaces = provenanceById(faces);
            }
        }
        assertThat(prodFaces).hasSize(6);

        MetadataStore dev = config.getStore("dev", graph);
        assertThat(dev.display()).isEqualTo("DeltaMetadataStore(path=" + home.resolve(".metaxy/dev") + ")");
        try (MetadataStore s = dev.open(AccessMode.WRITE)) {
            assertThat(s.hasFeature("video/raw")).isFalse();
            // a feature missing locally is read whole from prod
            try (Frame raw = s.read("video/raw").collect()) {
                assertThat(raw.rowCount()).isEqualTo(6);
            }
            // resolving a downstream feature in dev uses prod's upstream rows; dev has no faces yet, so all are new,
            // with exactly prod's provenance
            try (Increment inc = s.resolveUpdate("video/faces", ResolveOptions.defaults())) {
                assertThat(inc.newSamples().rowCount()).isEqualTo(6);
                assertThat(provenanceById(inc.newSamples())).isEqualTo(prodFaces);
                s.write("video/faces", inc.newSamples());
            }
            assertThat(Files.isDirectory(home.resolve(".metaxy/dev/video/faces.delta/_delta_log"))).isTrue();
            // once dev has its own table for a feature, prod's rows are never mixed in
            try (Frame f = Frame.fromRows(rows(1, 2, "dev"))) {
                s.write("video/raw", f);
            }
            try (Frame raw = s.read("video/raw").collect()) {
                assertThat(raw.rowCount()).isEqualTo(2);
                assertThat(raw.toRows()).allSatisfy(r -> assertThat((String) r.get("path")).startsWith("dev"));
            }
            try (Increment inc = s.resolveUpdate("video/faces")) {
                assertThat(inc.stale().rowCount()).isEqualTo(2);
                assertThat(inc.orphaned().rowCount()).isEqualTo(4);
            }
        }
        // prod is untouched by dev's writes
        try (MetadataStore prod = config.getStore("prod", graph).open(AccessMode.READ)) {
            assertThat(prod.read("video/raw").count()).isEqualTo(6);
        }
    }
}
