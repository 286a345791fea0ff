package dev.metaxy.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.metaxy.definition.DefinitionJson;
import dev.metaxy.definition.FeatureDefinition;
import dev.metaxy.frame.Frame;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.hash.Truncation;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.Increment;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.ReadOptions;
import dev.metaxy.system.GraphSnapshots;
import dev.metaxy.system.PushResult;
import dev.metaxy.testing.SharedFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the DuckDB store file written by real Python Metaxy ({@code shared/conformance/python-store}) and checks
 * that {@code read} and {@code resolve_update} give exactly Python's answers, and that push sees the same snapshot.
 */
class PythonStoreInteropTest {
    private static final ObjectMapper MAPPER = DefinitionJson.mapper();

    private JsonNode fixture;
    private Path database;
    private FeatureGraph graph;

    @BeforeEach
    void setUp(@TempDir Path dir) throws Exception {
        Path folder = SharedFiles.goldenVectors().getParent().resolve("python-store");
        fixture = MAPPER.readTree(Files.readString(folder.resolve("python_overview_md5.json")));
        database = dir.resolve("python.duckdb");
        Files.copy(folder.resolve("python_overview_md5.duckdb"), database, StandardCopyOption.REPLACE_EXISTING);
        JsonNode config = fixture.get("config");
        graph = new FeatureGraph(Truncation.of(config.get("hash_truncation_length").asInt()));
        for (JsonNode f : fixture.get("features")) {
            graph.register(FeatureDefinition.of(DefinitionJson.readSpec(f.get("feature_spec")), f.get("feature_schema"),
                f.get("feature_class_path").asText(), config.get("project").asText()));
        }
    }

    private DuckDbMetadataStore store() {
        return DuckDbMetadataStore.builder(graph).database(database)
            .hashAlgorithm(HashAlgorithm.fromName(fixture.get("config").get("hash_algorithm").asText())).build();
    }

    @Test
    void featureVersionsEqualPythons() {
        for (JsonNode f : fixture.get("features")) {
            String key = f.get("key").asText();
            assertThat(graph.versions().featureVersion(key)).isEqualTo(f.get("feature_version").asText());
            assertThat(graph.versions().featureSpecVersion(key)).isEqualTo(f.get("feature_spec_version").asText());
            Map<String, String> fields = new TreeMap<>();
            f.get("field_versions").fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue().asText()));
            assertThat(new TreeMap<>(graph.versions().fieldVersions(key))).isEqualTo(fields);
        }
    }

    /**
     * Python records class-defined specs with the class docstring as description, so the definition and project
     * versions are checked on the graph loaded back from the pushed snapshot, as a Java job sharing the store would.
     */
    @Test
    void pushedSnapshotLoadsWithPythonsDefinitionAndProjectVersions() {
        String projectVersion = fixture.get("push_result").get("project_version").asText();
        try (MetadataStore s = store().open(AccessMode.READ)) {
            FeatureGraph pushed = new GraphSnapshots(s).loadGraph(projectVersion, graph.truncation());
            for (JsonNode f : fixture.get("features")) {
                String key = f.get("key").asText();
                assertThat(pushed.versions().definitionVersion(key)).as("definition version of %s", key)
                    .isEqualTo(f.get("metaxy_definition_version").asText());
                assertThat(pushed.versions().featureVersion(key)).isEqualTo(f.get("feature_version").asText());
            }
            assertThat(pushed.versions().projectVersion(fixture.get("config").get("project").asText())).isEqualTo(projectVersion);
        }
    }

    @Test
    void readGivesPythonsRows() {
        try (MetadataStore s = store().open(AccessMode.READ)) {
            compareReads(s, fixture.get("expected").get("read"), ReadOptions.defaults());
            compareReads(s, fixture.get("expected").get("read_include_soft_deleted"), ReadOptions.defaults().includeSoftDeleted());
        }
    }

    private static void compareReads(MetadataStore s, JsonNode expectedByFeature, ReadOptions options) {
        Iterator<Map.Entry<String, JsonNode>> it = expectedByFeature.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            try (Frame f = s.read(e.getKey(), options).collect()) {
                assertThat(normalise(f.toRows(), e.getValue())).as("read %s", e.getKey()).isEqualTo(normalise(e.getValue()));
            }
        }
    }

    @Test
    void resolveUpdateGivesPythonsIncrement() {
        try (MetadataStore s = store().open(AccessMode.READ)) {
            Iterator<Map.Entry<String, JsonNode>> it = fixture.get("expected").get("resolve_update").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode exp = e.getValue();
                try (Increment inc = s.resolveUpdate(e.getKey())) {
                    assertThat(normalise(inc.newSamples().toRows(), exp.get("new"))).as("new of %s", e.getKey()).isEqualTo(normalise(exp.get("new")));
                    assertThat(normalise(inc.stale().toRows(), exp.get("stale"))).as("stale of %s", e.getKey()).isEqualTo(normalise(exp.get("stale")));
                    assertThat(normalise(inc.orphaned().toRows(), exp.get("orphaned"))).as("orphaned of %s", e.getKey()).isEqualTo(normalise(exp.get("orphaned")));
                }
            }
        }
    }

    @Test
    void pushSeesPythonsSnapshotAsAlreadyRecorded() {
        String projectVersion = fixture.get("push_result").get("project_version").asText();
        try (MetadataStore reader = store().open(AccessMode.READ)) {
            graph = new GraphSnapshots(reader).loadGraph(projectVersion, graph.truncation());
        }
        try (MetadataStore s = store().open(AccessMode.WRITE)) {
            PushResult r = new GraphSnapshots(s).push(null, Map.of());
            assertThat(r.projectVersion()).isEqualTo(fixture.get("push_result").get("project_version").asText());
            assertThat(r.alreadyPushed()).isTrue();
            assertThat(r.updatedFeatures()).isEmpty();
        }
    }

    @Test
    void aJavaPushRecordsTheSameRowsAsPythons(@TempDir Path dir) throws Exception {
        String projectVersion = fixture.get("push_result").get("project_version").asText();
        try (MetadataStore reader = store().open(AccessMode.READ)) {
            graph = new GraphSnapshots(reader).loadGraph(projectVersion, graph.truncation());
        }
        Path javaDb = dir.resolve("pushed.duckdb");
        try (MetadataStore java = DuckDbMetadataStore.builder(graph).database(javaDb).hashAlgorithm(HashAlgorithm.MD5).build()
                 .open(AccessMode.WRITE)) {
            PushResult r = new GraphSnapshots(java).push(null, Map.of());
            assertThat(r.alreadyPushed()).isFalse();
            assertThat(r.projectVersion()).isEqualTo(projectVersion);
        }
        String cols = "project, feature_key, metaxy_feature_version, metaxy_definition_version, feature_spec, feature_schema, "
            + "feature_class_path, metaxy_project_version, tags";
        String query = "SELECT " + cols + " FROM metaxy_system__feature_versions ORDER BY feature_key";
        try (MetadataStore py = store().open(AccessMode.READ);
             MetadataStore java = DuckDbMetadataStore.builder(graph).database(javaDb).hashAlgorithm(HashAlgorithm.MD5).build()
                 .open(AccessMode.READ)) {
            assertThat(rows(((DuckDbMetadataStore) java).connection(), query))
                .isEqualTo(rows(((DuckDbMetadataStore) py).connection(), query));
        }
    }

    private static List<String> rows(java.sql.Connection conn, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    b.append(rs.getMetaData().getColumnName(i)).append('=').append(rs.getString(i)).append('\n');
                }
                out.add(b.toString());
            }
        }
        return out;
    }

    @Test
    void tablesWrittenHereHaveTheSameSchemaAsPythons(@TempDir Path dir) throws Exception {
        Path javaDb = dir.resolve("java.duckdb");
        try (MetadataStore py = store().open(AccessMode.READ);
             MetadataStore java = DuckDbMetadataStore.builder(graph).database(javaDb).hashAlgorithm(HashAlgorithm.MD5)
                 .autoCreateTables(true).build().open(AccessMode.WRITE)) {
            for (String key : List.of("example/video", "example/crop")) {
                try (Frame rows = py.read(key).collect()) {
                    java.write(key, rows);
                }
            }
            Map<String, String> pyCols = columns(((DuckDbMetadataStore) py).connection(), "example__crop");
            Map<String, String> javaCols = columns(((DuckDbMetadataStore) java).connection(), "example__crop");
            assertThat(javaCols).isEqualTo(pyCols);
        }
    }

    private static Map<String, String> columns(java.sql.Connection conn, String table) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("DESCRIBE \"" + table + "\"")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    /** Rows as sorted strings over the columns the expectation lists (timestamps compared as instants). */
    private static List<String> normalise(List<Map<String, Object>> rows, JsonNode expected) {
        List<String> cols = new ArrayList<>();
        if (expected.size() > 0) {
            expected.get(0).fieldNames().forEachRemaining(cols::add);
        }
        List<String> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Map<String, Object> m = new TreeMap<>();
            for (String c : cols) {
                Object v = r.get(c);
                m.put(c, v instanceof Map<?, ?> map ? new TreeMap<>(map) : v instanceof Instant i ? i.toString() : v == null ? null : v.toString());
            }
            out.add(m.toString());
        }
        out.sort(null);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<String> normalise(JsonNode expected) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode r : expected) {
            Map<String, Object> m = MAPPER.convertValue(r, java.util.LinkedHashMap.class);
            for (Map.Entry<String, Object> e : m.entrySet()) {
                if (e.getKey().endsWith("_at") && e.getValue() instanceof String s) {
                    e.setValue(OffsetDateTime.parse(s).toInstant());
                }
            }
            rows.add(m);
        }
        return normalise(rows, expected);
    }
}
