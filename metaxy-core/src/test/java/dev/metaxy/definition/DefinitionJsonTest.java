package dev.metaxy.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metaxy.json.CanonicalJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DefinitionJsonTest {
    private static final String RICH = """
        {"key": "video/crop", "id_columns": ["sample_uid", "frame"],
         "deps": [
          {"feature": "video/raw", "select": ["fps", "n_frames"], "rename": {"frames": "n_frames", "w": "width"},
           "fields_mapping": {"mapping": {"type": "default", "match_suffix": true, "exclude_fields": ["audio", "a/b"]}},
           "sql_filters": ["fps > 10", "n_frames IS NOT NULL"], "lineage": {"relationship": {"type": "1:1"}}, "optional": false},
          {"feature": "audio/raw", "select": [], "rename": null,
           "fields_mapping": {"mapping": {"type": "specific", "mapping": {"out": [["a"], ["b", "c"]], "x/y": []}}},
           "sql_filters": null, "lineage": {"relationship": {"type": "N:1", "on": ["sample_uid"]}}, "optional": true},
          {"feature": "text/raw", "select": null, "rename": null, "fields_mapping": {"mapping": {"type": "all"}},
           "sql_filters": [], "lineage": {"relationship": {"type": "N:1", "on": null}}, "optional": false},
          {"feature": "meta/raw", "select": null, "rename": {}, "fields_mapping": {"mapping": {"type": "none"}},
           "sql_filters": null, "lineage": {"relationship": {"type": "1:N", "on": ["sample_uid"], "id_generation_pattern": "{sample_uid}_{i}"}},
           "optional": false},
          {"feature": "other/raw", "select": null, "rename": null,
           "fields_mapping": {"mapping": {"type": "default", "match_suffix": false, "exclude_fields": []}},
           "sql_filters": null, "lineage": {"relationship": {"type": "1:N", "on": ["a", "b"], "id_generation_pattern": null}},
           "optional": true}
         ],
         "fields": [
          {"key": "frames", "code_version": "2", "deps": [{"feature": "video/raw", "fields": ["frames", "a/b"]},
                                                          {"feature": "audio/raw", "fields": "__METAXY_ALL_DEP__"}]},
          {"key": "everything", "code_version": "1", "deps": "__METAXY_ALL_DEP__"},
          {"key": "audio/french", "code_version": "__metaxy_initial__", "deps": []}
         ],
         "metadata": {"float": 2.5, "big": 1e16, "small": 1e-05, "neg": -0.0, "int": 3, "unicode": "café 😀 \\u007f",
                      "nested": {"list": [1, null, true, {"k": "v"}], "empty": {}}},
         "description": "Cropped \\"frames\\" — ünïcode",
         "custom_extra": {"x": [1, 2]}}
        """;

    private static JsonNode json(String text) {
        try {
            return DefinitionJson.mapper().readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String canonical(JsonNode node) {
        return CanonicalJson.write(node);
    }

    // ------------------------------------------------------------------ round trips

    @Test
    void richSpecRoundTripsToTheSameJson() {
        JsonNode input = json(RICH);
        FeatureSpec spec = DefinitionJson.readSpec(input);
        ObjectNode output = DefinitionJson.toJson(spec);
        assertThat(output).isEqualTo(input);
        assertThat(canonical(output)).isEqualTo(canonical(input));
    }

    @Test
    void richSpecIsReadIntoTheModel() {
        FeatureSpec spec = DefinitionJson.parseSpec(RICH);
        assertThat(spec.key()).isEqualTo(FeatureKey.of("video/crop"));
        assertThat(spec.idColumns()).containsExactly("sample_uid", "frame");
        assertThat(spec.deps()).hasSize(5);
        FeatureDep video = spec.deps().get(0);
        assertThat(video.rename().orElseThrow()).containsEntry("frames", "n_frames");
        assertThat(video.fieldsMapping()).isEqualTo(FieldsMapping.defaults(true, FieldKey.of("audio"), FieldKey.of("a/b")));
        assertThat(video.sqlFilters()).contains(List.of("fps > 10", "n_frames IS NOT NULL"));
        FeatureDep audio = spec.deps().get(1);
        assertThat(audio.select()).contains(List.of());
        assertThat(audio.optional()).isTrue();
        assertThat(audio.lineage()).isEqualTo(Lineage.aggregation("sample_uid"));
        assertThat(audio.fieldsMapping()).isInstanceOf(FieldsMapping.Specific.class);
        assertThat(spec.deps().get(2).lineage()).isEqualTo(Lineage.aggregation());
        assertThat(spec.deps().get(2).fieldsMapping()).isEqualTo(FieldsMapping.all());
        assertThat(spec.deps().get(2).sqlFilters()).contains(List.of());
        assertThat(spec.deps().get(3).lineage()).isEqualTo(new Lineage.Expansion(List.of("sample_uid"), "{sample_uid}_{i}"));
        assertThat(spec.deps().get(3).fieldsMapping()).isEqualTo(FieldsMapping.none());
        assertThat(spec.deps().get(3).rename()).contains(java.util.Map.of());
        assertThat(spec.field(FieldKey.of("everything")).orElseThrow().dependsOnAll()).isTrue();
        assertThat(spec.field(FieldKey.of("frames")).orElseThrow().deps())
            .containsExactly(FieldDep.on("video/raw", "frames", "a/b"), FieldDep.all(FeatureKey.of("audio/raw")));
        assertThat(spec.metadata().get("float").doubleValue()).isEqualTo(2.5);
        assertThat(spec.metadata().get("unicode").asText()).isEqualTo("café 😀 \u007f");
        assertThat(spec.description()).contains("Cropped \"frames\" — ünïcode");
        assertThat(spec.extras()).containsOnlyKeys("custom_extra");
    }

    @Test
    void canonicalJsonOfTheRichSpecEscapesLikePython() {
        String c = canonical(DefinitionJson.toJson(DefinitionJson.parseSpec(RICH)));
        assertThat(c).contains("\"big\": 1e+16", "\"small\": 1e-05", "\"neg\": -0.0", "\"float\": 2.5",
            "\"unicode\": \"caf\\u00e9 \\ud83d\\ude00 \\u007f\"");
        assertThat(c).startsWith("{\"custom_extra\": {\"x\": [1, 2]}, \"deps\": [");
    }

    @Test
    void nullDescriptionIsWrittenAsNull() {
        ObjectNode out = DefinitionJson.toJson(FeatureSpec.builder("a").idColumns("id").build());
        assertThat(out.has("description")).isTrue();
        assertThat(out.get("description").isNull()).isTrue();
    }

    @Test
    void minimalSpecGetsEveryDefault() {
        ObjectNode out = DefinitionJson.toJson(DefinitionJson.parseSpec("{\"key\": \"test\", \"id_columns\": [\"sample_uid\"]}"));
        assertThat(canonical(out)).isEqualTo("{\"deps\": [], \"description\": null, \"fields\": [{\"code_version\": "
            + "\"__metaxy_initial__\", \"deps\": [], \"key\": \"default\"}], \"id_columns\": [\"sample_uid\"], \"key\": \"test\", "
            + "\"metadata\": {}}");
    }

    @Test
    void nullOptionalKeysMeanTheirDefaults() {
        FeatureSpec s = DefinitionJson.parseSpec("{\"key\": \"a\", \"id_columns\": [\"id\"], \"deps\": null, \"fields\": null, "
            + "\"metadata\": null, \"description\": null}");
        assertThat(s).isEqualTo(FeatureSpec.builder("a").idColumns("id").build());
    }

    @Test
    void bareStringFieldHasTheInitialCodeVersion() {
        FeatureSpec s = DefinitionJson.parseSpec("{\"key\": \"a\", \"id_columns\": [\"id\"], \"fields\": [\"x\", \"y/z\"]}");
        assertThat(s.fields()).containsExactly(FieldSpec.of("x"), FieldSpec.of("y/z"));
        assertThat(canonical(DefinitionJson.toJson(s.fields().get(0))))
            .isEqualTo("{\"code_version\": \"__metaxy_initial__\", \"deps\": [], \"key\": \"x\"}");
    }

    @Test
    void fieldObjectWithoutKeyIsTheDefaultField() {
        FeatureSpec s = DefinitionJson.parseSpec("{\"key\": \"a\", \"id_columns\": [\"id\"], \"fields\": [{\"code_version\": \"3\"}]}");
        assertThat(s.fields()).containsExactly(FieldSpec.of("default", "3"));
    }

    @Test
    void fieldDepWithoutFieldsCoversAllFields() {
        FeatureSpec s = DefinitionJson.parseSpec("{\"key\": \"a\", \"id_columns\": [\"id\"], \"deps\": [\"b\"], "
            + "\"fields\": [{\"key\": \"x\", \"deps\": [{\"feature\": \"b\"}]}]}");
        assertThat(s.fields().get(0).deps()).containsExactly(FieldDep.all(FeatureKey.of("b")));
    }

    @Test
    void bareStringDependencyHasEveryDefaultWrittenOut() {
        FeatureSpec s = DefinitionJson.parseSpec("{\"key\": \"a\", \"id_columns\": [\"id\"], \"deps\": [\"examples/parent\"]}");
        assertThat(s.deps()).containsExactly(FeatureDep.of(FeatureKey.of("examples/parent")));
        assertThat(DefinitionJson.toJson(s.deps().get(0))).isEqualTo(json("""
            {"feature":"examples/parent","select":null,"rename":null,
             "fields_mapping":{"mapping":{"type":"default","match_suffix":false,"exclude_fields":[]}},
             "sql_filters":null,"lineage":{"relationship":{"type":"1:1"}},"optional":false}"""));
    }

    @Test
    void dependencyObjectWithOnlyFeatureHasDefaults() {
        FeatureSpec s = DefinitionJson.parseSpec("{\"key\": \"a\", \"id_columns\": [\"id\"], \"deps\": [{\"feature\": \"b/c\"}]}");
        assertThat(s.deps()).containsExactly(FeatureDep.of(FeatureKey.of("b/c")));
    }

    @Test
    void legacyKeyFormsAreAccepted() {
        FeatureSpec expected = FeatureSpec.builder("a/b").idColumns("id").dependsOn("c/d").build();
        for (String key : List.of("{\"root\": [\"a\", \"b\"]}", "{\"parts\": [\"a\", \"b\"]}", "[\"a\", \"b\"]", "\"a/b\"")) {
            FeatureSpec s = DefinitionJson.parseSpec("{\"key\": " + key + ", \"id_columns\": [\"id\"], \"deps\": [{\"feature\": "
                + key.replace("\"a\"", "\"c\"").replace("\"b\"", "\"d\"").replace("a/b", "c/d") + "}]}");
            assertThat(s).as(key).isEqualTo(expected);
        }
        FeatureSpec listDep = DefinitionJson.parseSpec("{\"key\": \"a/b\", \"id_columns\": [\"id\"], \"deps\": [[\"c\", \"d\"]]}");
        assertThat(listDep).isEqualTo(expected);
    }

    @Test
    void filtersIsAnAliasOfSqlFiltersAndIsWrittenAsSqlFilters() {
        FeatureSpec s = DefinitionJson.parseSpec("{\"key\": \"a\", \"id_columns\": [\"id\"], "
            + "\"deps\": [{\"feature\": \"b\", \"filters\": [\"x > 1\"]}]}");
        assertThat(s.deps().get(0).sqlFilters()).contains(List.of("x > 1"));
        ObjectNode dep = DefinitionJson.toJson(s.deps().get(0));
        assertThat(dep.has("filters")).isFalse();
        assertThat(dep.get("sql_filters").get(0).asText()).isEqualTo("x > 1");
    }

    @Test
    void givingBothFiltersAndSqlFiltersIsRejected() {
        assertThatThrownBy(() -> DefinitionJson.parseSpec("{\"key\": \"a\", \"id_columns\": [\"id\"], "
                + "\"deps\": [{\"feature\": \"b\", \"filters\": [\"x > 1\"], \"sql_filters\": [\"x > 2\"]}]}"))
            .isInstanceOf(MetaxyDefinitionException.class)
            .hasMessageContaining("spec.deps[0]")
            .hasMessageContaining("'sql_filters'")
            .hasMessageContaining("'filters'");
    }

    // ------------------------------------------------------------------ files

    @Test
    void readsAnArrayOfSpecs(@TempDir Path dir) throws IOException {
        Path f = write(dir, "[{\"key\": \"a\", \"id_columns\": [\"id\"]}, {\"key\": \"b\", \"id_columns\": [\"id\"], \"deps\": [\"a\"]}]");
        List<FeatureDefinition> defs = DefinitionJson.readFile(f);
        assertThat(defs).extracting(d -> d.key().toString()).containsExactly("a", "b");
        assertThat(defs.get(0).project()).isEmpty();
        assertThat(defs.get(0).classPath()).isEmpty();
    }

    @Test
    void readsAFeaturesObject(@TempDir Path dir) throws IOException {
        Path f = write(dir, "{\"features\": [{\"key\": \"a\", \"id_columns\": [\"id\"]}]}");
        assertThat(DefinitionJson.readFile(f)).extracting(d -> d.key().toString()).containsExactly("a");
    }

    @Test
    void readsDefinitionWrapperObjects(@TempDir Path dir) throws IOException {
        Path f = write(dir, """
            {"features": [
              {"spec": {"key": "a", "id_columns": ["id"]}, "feature_schema": {"title": "A", "type": "object"},
               "feature_class_path": "pkg.features.A", "project": "proj"},
              {"spec": {"key": "b", "id_columns": ["id"]}},
              {"key": "c", "id_columns": ["id"]}
            ]}""");
        List<FeatureDefinition> defs = DefinitionJson.readFile(f);
        assertThat(defs).hasSize(3);
        FeatureDefinition a = defs.get(0);
        assertThat(a.schema()).isEqualTo(json("{\"title\": \"A\", \"type\": \"object\"}"));
        assertThat(a.classPath()).contains("pkg.features.A");
        assertThat(a.project()).contains("proj");
        assertThat(defs.get(1).schema()).isEqualTo(json("{}"));
        assertThat(defs.get(1).project()).isEmpty();
        assertThat(DefinitionJson.toJson(a)).isEqualTo(json("""
            {"spec": %s, "feature_schema": {"title": "A", "type": "object"}, "feature_class_path": "pkg.features.A",
             "project": "proj"}""".formatted(DefinitionJson.toJson(a.spec()))));
    }

    @Test
    void writeFileThenReadFileGivesEqualSpecs(@TempDir Path dir) {
        FeatureSpec rich = DefinitionJson.parseSpec(RICH);
        FeatureSpec plain = FeatureSpec.builder("video/raw").idColumns("sample_uid").field("frames", "1").build();
        Path f = dir.resolve("defs.json");
        DefinitionJson.writeFile(f, List.of(plain, rich));
        List<FeatureDefinition> back = DefinitionJson.readFile(f);
        assertThat(back).extracting(FeatureDefinition::spec).containsExactly(plain, rich);
        assertThat(canonical(DefinitionJson.toJson(back.get(1).spec()))).isEqualTo(canonical(json(RICH)));
    }

    @Test
    void writtenFileIsAFeaturesObject(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("defs.json");
        DefinitionJson.writeFile(f, List.of(FeatureSpec.builder("a").idColumns("id").build()));
        JsonNode root = json(Files.readString(f));
        assertThat(root.fieldNames()).toIterable().containsExactly("features");
        assertThat(root.get("features")).hasSize(1);
    }

    @Test
    void fileThatIsNotJsonIsReportedWithItsName(@TempDir Path dir) throws IOException {
        Path f = write(dir, "{not json");
        assertThatThrownBy(() -> DefinitionJson.readFile(f))
            .isInstanceOf(MetaxyDefinitionException.class)
            .hasMessageContaining(f.toString())
            .hasMessageContaining("not valid JSON");
    }

    @Test
    void emptyFileIsReported(@TempDir Path dir) throws IOException {
        Path f = write(dir, "");
        assertThatThrownBy(() -> DefinitionJson.readFile(f))
            .isInstanceOf(MetaxyDefinitionException.class)
            .hasMessageContaining(f.toString())
            .hasMessageContaining("is empty");
    }

    @Test
    void missingFileIsReported(@TempDir Path dir) {
        Path f = dir.resolve("nope.json");
        assertThatThrownBy(() -> DefinitionJson.readFile(f))
            .isInstanceOf(MetaxyDefinitionException.class)
            .hasMessageContaining("Cannot read definition file")
            .hasMessageContaining(f.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"hello\"                     | expected a JSON array of feature specs",
        "42                            | expected a JSON array of feature specs",
        "{\"feature\": []}             | single key 'features'",
        "{\"features\": [], \"x\": 1}  | single key 'features'",
        "{\"features\": {}}            | expected a JSON array of feature specs, got object",
        "[\"a\"]                       | features[0]: expected a JSON object, got string",
    })
    void wrongTopLevelShapeIsReported(String text, String message, @TempDir Path dir) throws IOException {
        Path f = write(dir, text);
        assertThatThrownBy(() -> DefinitionJson.readFile(f))
            .isInstanceOf(MetaxyDefinitionException.class)
            .hasMessageContaining(f.toString())
            .hasMessageContaining(message);
    }

    // ------------------------------------------------------------------ errors with JSON paths

    private static final String OK_DEP = "\"a\"";

    /** Reads {@code [spec]} where the spec has deps [a, DEP] and the given fields; a is also defined. */
    private static List<FeatureDefinition> readWithDep(String dep) {
        return DefinitionJson.readDefinitions(json("[{\"key\": \"x\", \"id_columns\": [\"id\"], \"deps\": [" + OK_DEP + ", " + dep + "]}]"));
    }

    private static List<FeatureDefinition> readWithField(String field) {
        return DefinitionJson.readDefinitions(json("[{\"key\": \"x\", \"id_columns\": [\"id\"], \"deps\": [\"b\"], \"fields\": [\"ok\", " + field + "]}]"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // dep shape
        "{\"select\": null}                                           | features[0].deps[1]: missing required key 'feature'",
        "{\"feature\": \"b\", \"selct\": []}                          | features[0].deps[1]: unknown key 'selct'",
        "42                                                           | features[0].deps[1]: expected a feature key or a dependency object",
        "{\"feature\": 42}                                            | features[0].deps[1].feature: expected a key string",
        "{\"feature\": \"B\"}                                         | features[0].deps[1].feature: FeatureKey 'B' is invalid",
        "{\"feature\": \"b\", \"select\": \"fps\"}                    | features[0].deps[1].select: expected a list",
        "{\"feature\": \"b\", \"select\": [1]}                        | features[0].deps[1].select[0]: expected a string",
        "{\"feature\": \"b\", \"rename\": [\"a\"]}                    | features[0].deps[1].rename: expected an object",
        "{\"feature\": \"b\", \"rename\": {\"a\": 1}}                 | features[0].deps[1].rename.a: expected a string",
        "{\"feature\": \"b\", \"optional\": \"yes\"}                  | features[0].deps[1].optional: expected true or false",
        "{\"feature\": \"b\", \"sql_filters\": [1]}                   | features[0].deps[1].sql_filters[0]: expected a string",
        "{\"feature\": \"b\", \"sql_filters\": {}}                    | features[0].deps[1].sql_filters: expected a list",
        // mapping
        "{\"feature\": \"b\", \"fields_mapping\": {\"mapping\": {\"type\": \"some\"}}}  | features[0].deps[1].fields_mapping: unknown fields mapping type 'some'",
        "{\"feature\": \"b\", \"fields_mapping\": {\"mapping\": {\"type\": \"default\", \"match_sufix\": true}}} | features[0].deps[1].fields_mapping: unknown key 'match_sufix'",
        "{\"feature\": \"b\", \"fields_mapping\": {\"mapping\": {\"type\": \"all\", \"x\": 1}}}  | features[0].deps[1].fields_mapping: unknown key 'x'",
        "{\"feature\": \"b\", \"fields_mapping\": {\"mapping\": {\"type\": \"none\"}, \"x\": 1}}  | features[0].deps[1].fields_mapping: unknown key 'x'",
        "{\"feature\": \"b\", \"fields_mapping\": {\"mapping\": {\"type\": \"specific\", \"mapping\": {\"o\": [[\"a\"]]}, \"x\": 1}}} | features[0].deps[1].fields_mapping: unknown key 'x'",
        "{\"feature\": \"b\", \"fields_mapping\": {\"mapping\": {}}}   | features[0].deps[1].fields_mapping: expected {\"mapping\": {\"type\"",
        "{\"feature\": \"b\", \"fields_mapping\": {\"mapping\": {\"type\": 1}}}   | features[0].deps[1].fields_mapping.type: expected a string",
        "{\"feature\": \"b\", \"fields_mapping\": {\"mapping\": {\"type\": \"default\", \"match_suffix\": \"yes\"}}} | features[0].deps[1].fields_mapping.match_suffix: expected true or false",
        "{\"feature\": \"b\", \"fields_mapping\": {\"mapping\": {\"type\": \"default\", \"exclude_fields\": \"a\"}}} | features[0].deps[1].fields_mapping.exclude_fields: expected a list",
        "{\"feature\": \"b\", \"fields_mapping\": {\"mapping\": {\"type\": \"default\", \"exclude_fields\": [\"A\"]}}} | features[0].deps[1].fields_mapping.exclude_fields[0]: FieldKey 'A' is invalid",
        "{\"feature\": \"b\", \"fields_mapping\": {\"mapping\": {\"type\": \"specific\", \"mapping\": []}}} | features[0].deps[1].fields_mapping.mapping: expected an object",
        "{\"feature\": \"b\", \"fields_mapping\": {\"mapping\": {\"type\": \"specific\", \"mapping\": {\"o\": \"a\"}}}} | features[0].deps[1].fields_mapping.mapping.o: expected a list",
        "{\"feature\": \"b\", \"fields_mapping\": {\"mapping\": {\"type\": \"specific\", \"mapping\": {\"O\": []}}}} | features[0].deps[1].fields_mapping.mapping.O: FieldKey 'O' is invalid",
        // lineage
        "{\"feature\": \"b\", \"lineage\": {\"relationship\": {\"type\": \"M:N\"}}}          | features[0].deps[1].lineage: unknown lineage type 'M:N'",
        "{\"feature\": \"b\", \"lineage\": {\"relationship\": {\"type\": \"1:1\", \"on\": [\"x\"]}}} | features[0].deps[1].lineage: unknown key 'on'",
        "{\"feature\": \"b\", \"lineage\": {\"relationship\": {\"type\": \"N:1\", \"by\": [\"x\"]}}} | features[0].deps[1].lineage: unknown key 'by'",
        "{\"feature\": \"b\", \"lineage\": {\"relationship\": {\"type\": \"1:1\"}, \"extra\": 1}}  | features[0].deps[1].lineage: unknown key 'extra'",
        "{\"feature\": \"b\", \"lineage\": {\"relationship\": {\"type\": \"1:N\"}}}           | features[0].deps[1].lineage: expansion lineage (1:N) requires 'on'",
        "{\"feature\": \"b\", \"lineage\": {\"relationship\": {\"type\": \"N:1\", \"on\": \"x\"}}} | features[0].deps[1].lineage.on: expected a list",
        "{\"feature\": \"b\", \"lineage\": {\"relationship\": {\"type\": \"N:1\", \"on\": []}}} | features[0].deps[1].lineage.on: Aggregation lineage: 'on' must list at least one column",
        "{\"feature\": \"b\", \"lineage\": {\"relationship\": {\"type\": \"1:N\", \"on\": []}}} | features[0].deps[1].lineage.on: Expansion lineage: 'on' is required",
        "{\"feature\": \"b\", \"lineage\": \"1:1\"}                                            | features[0].deps[1].lineage: expected {\"relationship\"",
        "{\"feature\": \"b\", \"lineage\": {\"relationship\": {\"type\": \"1:N\", \"on\": [\"a\"], \"id_generation_pattern\": 3}}} | features[0].deps[1].lineage.id_generation_pattern: expected a string",
        // dep-level validation
        "{\"feature\": \"b\", \"rename\": {\"a\": \"metaxy_provenance\"}} | features[0].deps[1]: Dependency on 'b': cannot rename column 'a' to 'metaxy_provenance'",
    })
    void invalidDependencyIsReportedWithItsJsonPath(String dep, String message) {
        assertThatThrownBy(() -> readWithDep(dep))
            .isInstanceOf(MetaxyDefinitionException.class)
            .hasMessageContaining(message.strip());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"key\": \"f\", \"version\": \"1\"}                 | features[0].fields[1]: unknown key 'version'",
        "{\"key\": \"f\", \"code_version\": 1}                | features[0].fields[1].code_version: expected a string, got number 1",
        "{\"key\": \"F\"}                                     | features[0].fields[1].key: FieldKey 'F' is invalid",
        "\"F\"                                                | features[0].fields[1]: FieldKey 'F' is invalid",
        "42                                                   | features[0].fields[1]: expected a field key or a field object",
        "{\"key\": \"f\", \"deps\": \"all\"}                  | features[0].fields[1].deps: expected a list or \"__METAXY_ALL_DEP__\"",
        "{\"key\": \"f\", \"deps\": {}}                       | features[0].fields[1].deps: expected a list",
        "{\"key\": \"f\", \"deps\": [\"b\"]}                  | features[0].fields[1].deps[0]: expected {\"feature\"",
        "{\"key\": \"f\", \"deps\": [{\"feature\": \"b\", \"field\": [\"x\"]}]} | features[0].fields[1].deps[0]: unknown key 'field'",
        "{\"key\": \"f\", \"deps\": [{\"feature\": \"b\", \"fields\": \"x\"}]}  | features[0].fields[1].deps[0].fields: expected a list",
        "{\"key\": \"f\", \"deps\": [{\"feature\": \"b\", \"fields\": [\"X\"]}]}  | features[0].fields[1].deps[0].fields[0]: FieldKey 'X' is invalid",
        "{\"key\": \"f\", \"deps\": [{\"feature\": \"c\", \"fields\": [\"x\"]}]}  | features[0]: Feature 'x', field 'f': field dependency on 'c', which is not among",
        "\"ok\"                                               | features[0]: Feature 'x': duplicate field key 'ok'",
    })
    void invalidFieldIsReportedWithItsJsonPath(String field, String message) {
        assertThatThrownBy(() -> readWithField(field))
            .isInstanceOf(MetaxyDefinitionException.class)
            .hasMessageContaining(message.strip());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"id_columns\": [\"id\"]}                                    | features[0]: missing required key 'key'",
        "{\"key\": \"a\"}                                              | features[0]: feature 'a' is missing required key 'id_columns'",
        "{\"key\": \"a\", \"id_columns\": null}                        | features[0]: feature 'a' is missing required key 'id_columns'",
        "{\"key\": \"a\", \"id_columns\": \"id\"}                      | features[0].id_columns: expected a list, got string",
        "{\"key\": \"a\", \"id_columns\": [1]}                         | features[0].id_columns[0]: expected a string",
        "{\"key\": \"a\", \"id_columns\": []}                          | features[0]: Feature 'a': id_columns must not be empty",
        "{\"key\": 42, \"id_columns\": [\"id\"]}                       | features[0].key: expected a key string",
        "{\"key\": \"A/b\", \"id_columns\": [\"id\"]}                  | features[0].key: FeatureKey 'A/b' is invalid: part 1 'A'",
        "{\"key\": {\"root\": \"a\"}, \"id_columns\": [\"id\"]}        | features[0].key: expected a list",
        "{\"key\": \"a\", \"id_columns\": [\"id\"], \"deps\": {}}      | features[0].deps: expected a list",
        "{\"key\": \"a\", \"id_columns\": [\"id\"], \"fields\": \"x\"} | features[0].fields: expected a list",
        "{\"key\": \"a\", \"id_columns\": [\"id\"], \"metadata\": []}  | features[0].metadata: expected an object",
        "{\"key\": \"a\", \"id_columns\": [\"id\"], \"description\": 3} | features[0].description: expected a string",
        "{\"spec\": {\"key\": \"a\", \"id_columns\": [\"id\"]}, \"schema\": {}} | features[0]: unknown key 'schema'",
        "{\"spec\": {\"key\": \"a\", \"id_columns\": [\"id\"]}, \"feature_schema\": []} | features[0].feature_schema: expected an object",
        "{\"spec\": {\"key\": \"a\", \"id_columns\": [\"id\"]}, \"project\": 1} | features[0].project: expected a string",
        "{\"spec\": {\"key\": \"a\"}}                                  | features[0].spec: feature 'a' is missing required key 'id_columns'",
        "{\"spec\": [1]}                                               | features[0].spec: expected a JSON object",
    })
    void invalidSpecIsReportedWithItsJsonPath(String spec, String message) {
        assertThatThrownBy(() -> DefinitionJson.readDefinitions(json("[" + spec + "]")))
            .isInstanceOf(MetaxyDefinitionException.class)
            .hasMessageContaining(message.strip());
    }

    @Test
    void invalidKeysInsideAFileKeepTheirTypeAndPath(@TempDir Path dir) throws IOException {
        Path f = write(dir, "{\"features\": [{\"key\": \"a\", \"id_columns\": [\"id\"]}, "
            + "{\"key\": \"b\", \"id_columns\": [\"id\"], \"deps\": [\"a\", \"Bad/key\"]}]}");
        assertThatThrownBy(() -> DefinitionJson.readFile(f))
            .isInstanceOf(InvalidKeyException.class)
            .hasMessageContaining(f.toString())
            .hasMessageContaining("features[1].deps[1]: FeatureKey 'Bad/key' is invalid");
    }

    @Test
    void deepErrorInsideAFileNamesFileAndPath(@TempDir Path dir) throws IOException {
        Path f = write(dir, "[{\"key\": \"a\", \"id_columns\": [\"id\"]}, {\"key\": \"b\", \"id_columns\": [\"id\"], "
            + "\"deps\": [\"a\", {\"feature\": \"c\", \"lineage\": {\"relationship\": {\"type\": \"x\"}}}]}]");
        assertThatThrownBy(() -> DefinitionJson.readFile(f))
            .isInstanceOf(MetaxyDefinitionException.class)
            .hasMessageContaining(f.toString())
            .hasMessageContaining("features[1].deps[1].lineage: unknown lineage type 'x'");
    }

    private static Path write(Path dir, String text) throws IOException {
        Path f = dir.resolve("defs.json");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }
}
