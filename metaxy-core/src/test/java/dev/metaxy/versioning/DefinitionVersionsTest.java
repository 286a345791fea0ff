package dev.metaxy.versioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metaxy.definition.FeatureDefinition;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.FieldDep;
import dev.metaxy.definition.FieldKey;
import dev.metaxy.definition.FieldSpec;
import dev.metaxy.definition.FieldsMapping;
import dev.metaxy.definition.QualifiedFieldKey;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.graph.GraphException;
import dev.metaxy.hash.Truncation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worked examples of versioning.md §5 and the lineage rules of §4. */
class DefinitionVersionsTest {
    private static final FeatureSpec TEST_FEATURE = FeatureSpec.builder("test/feature").idColumns("sample_uid").field("default", "1").build();
    private static final FeatureSpec UPSTREAM = FeatureSpec.builder("test_deps/upstream").idColumns("sample_uid").field("default", "1").build();
    private static final FeatureSpec DOWNSTREAM = FeatureSpec.builder("test_deps/downstream/with_deps").idColumns("sample_uid")
        .dependsOn(UPSTREAM).field("default", "1").build();

    private static FeatureGraph graph(Truncation t, FeatureSpec... specs) {
        FeatureGraph g = new FeatureGraph(t);
        for (FeatureSpec s : specs) {
            g.register(s);
        }
        return g;
    }

    private static FeatureGraph graph(FeatureSpec... specs) {
        return graph(Truncation.DEFAULT, specs);
    }

    @Test
    void rootFieldVersionHashesQualifiedNameAndCodeVersion() {
        DefinitionVersions v = graph(TEST_FEATURE).versions();
        assertThat(v.fieldVersion("test/feature", FieldKey.of("default"))).isEqualTo("8bcff601");
        assertThat(v.fieldVersions("test/feature")).containsExactly(Map.entry("default", "8bcff601"));
    }

    @Test
    void featureVersionHashesSortedFieldKeysAndVersions() {
        assertThat(graph(TEST_FEATURE).versions().featureVersion("test/feature")).isEqualTo("d26937b1");
    }

    @Test
    void downstreamFieldVersionIncludesTheTruncatedUpstreamVersion() {
        DefinitionVersions v = graph(UPSTREAM, DOWNSTREAM).versions();
        assertThat(v.fieldVersion(UPSTREAM, FieldKey.of("default"))).isEqualTo("caa5ad84");
        assertThat(v.fieldVersion(DOWNSTREAM, FieldKey.of("default"))).isEqualTo("a8c356d7");
        assertThat(v.featureVersion(DOWNSTREAM)).isEqualTo("aad886d8");
    }

    @Test
    void featureCodeVersionHashesFieldKeysAndCodeVersions() {
        FeatureSpec value = FeatureSpec.builder("x").idColumns("id").field("value").build();
        assertThat(graph(TEST_FEATURE).versions().featureCodeVersion("test/feature")).isEqualTo("08d017a7");
        assertThat(graph(value).versions().featureCodeVersion("x")).isEqualTo("16616c82");
    }

    @Test
    void specVersionOfTheDefaultSpec() {
        FeatureSpec test = FeatureSpec.builder("test").idColumns("sample_uid").build();
        assertThat(DefinitionVersions.specVersion(test, Truncation.DEFAULT)).isEqualTo("5601837d");
        assertThat(graph(test).versions().featureSpecVersion("test")).isEqualTo("5601837d");
    }

    @Test
    void emptyProjectHasTheVersionEmpty() {
        assertThat(new FeatureGraph().versions().projectVersion()).isEqualTo("empty");
        assertThat(graph(TEST_FEATURE).versions().projectVersion("some_other_project")).isEqualTo(DefinitionVersions.EMPTY_PROJECT);
    }

    @Test
    void externalFeaturesAreLeftOutOfTheProjectVersion() {
        FeatureGraph g = new FeatureGraph().register(FeatureDefinition.external(TEST_FEATURE, "p", Map.of()));
        assertThat(g.versions().projectVersion("p")).isEqualTo("empty");
    }

    @Test
    void projectVersionNeedsAProjectNameWhenSeveralAreRegistered() {
        FeatureGraph g = new FeatureGraph()
            .register(FeatureDefinition.of(TEST_FEATURE, null, "a.A", "proj_a"))
            .register(FeatureDefinition.of(UPSTREAM, null, "b.B", "proj_b"));
        assertThatThrownBy(() -> g.versions().projectVersion())
            .isInstanceOf(GraphException.class)
            .hasMessageContaining("[proj_a, proj_b]");
        assertThat(g.versions().projectVersion("proj_a")).hasSize(8).isNotEqualTo(g.versions().projectVersion("proj_b"));
    }

    @Test
    void noTruncationGivesFullSha256Hex() {
        DefinitionVersions v = graph(Truncation.NONE, UPSTREAM, DOWNSTREAM).versions();
        String root = v.fieldVersion(UPSTREAM, FieldKey.of("default"));
        assertThat(root).hasSize(64).matches("[0-9a-f]{64}").startsWith("caa5ad84");
        assertThat(v.featureVersion(DOWNSTREAM)).hasSize(64);
        // the parent's full version is hashed, so the downstream value is not an extension of the truncated one
        assertThat(v.fieldVersion(DOWNSTREAM, FieldKey.of("default"))).hasSize(64).doesNotStartWith("a8c356d7");
    }

    @Test
    void truncationTwelveChangesDependentVersionsCompletely() {
        DefinitionVersions v = graph(Truncation.of(12), UPSTREAM, DOWNSTREAM).versions();
        assertThat(v.fieldVersion(UPSTREAM, FieldKey.of("default"))).hasSize(12).startsWith("caa5ad84");
        assertThat(v.fieldVersion(DOWNSTREAM, FieldKey.of("default"))).hasSize(12).doesNotStartWith("a8c356d7");
        assertThat(v.featureVersion(DOWNSTREAM)).hasSize(12).doesNotStartWith("aad886d8");
    }

    @Test
    void featureVersionIgnoresIdColumnsMetadataDescriptionAndDepSettings() {
        FeatureSpec changed = DOWNSTREAM.toBuilder().idColumns("other_id").metadata("k", "v").description("doc")
            .deps(List.of(dev.metaxy.definition.FeatureDep.on(UPSTREAM.key()).rename("x", "y").select("y").filter("y > 1")
                .optional().build()))
            .build();
        DefinitionVersions v = graph(UPSTREAM, changed).versions();
        assertThat(v.featureVersion(changed)).isEqualTo("aad886d8");
        assertThat(v.featureSpecVersion(changed)).isNotEqualTo(graph(UPSTREAM, DOWNSTREAM).versions().featureSpecVersion(DOWNSTREAM));
    }

    @Test
    void codeVersionChangeUpstreamPropagatesDownstream() {
        FeatureSpec bumped = UPSTREAM.toBuilder().fields(List.of(FieldSpec.of("default", "2"))).build();
        DefinitionVersions v = graph(bumped, DOWNSTREAM).versions();
        assertThat(v.featureVersion(DOWNSTREAM)).isNotEqualTo("aad886d8");
        assertThat(v.featureCodeVersion(DOWNSTREAM)).isEqualTo(graph(UPSTREAM, DOWNSTREAM).versions().featureCodeVersion(DOWNSTREAM));
    }

    @Test
    void externalOverridesAreReturnedVerbatim() {
        FeatureGraph g = new FeatureGraph()
            .register(FeatureDefinition.external(UPSTREAM, null, Map.of(FieldKey.of("default"), "my-own-version")))
            .register(DOWNSTREAM);
        assertThat(g.versions().fieldVersion(UPSTREAM, FieldKey.of("default"))).isEqualTo("my-own-version");
        assertThat(g.versions().fieldVersion(DOWNSTREAM, FieldKey.of("default"))).isNotEqualTo("a8c356d7");
    }

    @Test
    void overrideForAnUnknownFieldIsRejected() {
        assertThatThrownBy(() -> FeatureDefinition.external(UPSTREAM, null, Map.of(FieldKey.of("nope"), "v")))
            .isInstanceOf(dev.metaxy.definition.MetaxyDefinitionException.class)
            .hasMessageContaining("'test_deps/upstream'")
            .hasMessageContaining("unknown field 'nope'");
    }

    @Test
    void definitionVersionChangesWithTheSchemaButFeatureVersionDoesNot() {
        FeatureGraph a = new FeatureGraph().register(FeatureDefinition.of(TEST_FEATURE));
        FeatureGraph b = new FeatureGraph().register(FeatureDefinition.of(TEST_FEATURE,
            dev.metaxy.definition.DefinitionJson.mapper().createObjectNode().put("title", "T"), "m.T", null));
        assertThat(a.versions().definitionVersion("test/feature")).isNotEqualTo(b.versions().definitionVersion("test/feature"));
        assertThat(a.versions().featureVersion("test/feature")).isEqualTo(b.versions().featureVersion("test/feature"));
    }

    @Test
    void unknownFieldIsReported() {
        assertThatThrownBy(() -> graph(TEST_FEATURE).versions().fieldVersion("test/feature", FieldKey.of("nope")))
            .isInstanceOf(GraphException.class)
            .hasMessageContaining("'test/feature'")
            .hasMessageContaining("no field 'nope'");
    }

    // ------------------------------------------------------------------ §4 field lineage

    private static final FeatureSpec MEDIA = FeatureSpec.builder("media").idColumns("id").field("audio", "1").field("frames", "1").build();
    private static final FeatureSpec TEXT = FeatureSpec.builder("text").idColumns("id").field("audio", "1").build();

    private static List<String> parents(FeatureGraph g, String feature, String field) {
        return FieldLineage.parents(g, FeatureKey.of(feature), FieldKey.of(field)).stream().map(QualifiedFieldKey::toString).toList();
    }

    @Test
    void rootFeatureFieldsHaveNoParents() {
        assertThat(parents(graph(MEDIA), "media", "audio")).isEmpty();
    }

    @Test
    void sameNamedFieldDependsOnlyOnThatUpstreamField() {
        FeatureSpec d = FeatureSpec.builder("d").idColumns("id").dependsOn(MEDIA).field("audio", "1").build();
        assertThat(parents(graph(MEDIA, d), "d", "audio")).containsExactly("media.audio");
    }

    @Test
    void unmatchedFieldDependsOnAllUpstreamFieldsSortedByQualifiedName() {
        FeatureSpec d = FeatureSpec.builder("d").idColumns("id").dependsOn(TEXT).dependsOn(MEDIA).build();
        assertThat(parents(graph(MEDIA, TEXT, d), "d", "default")).containsExactly("media.audio", "media.frames", "text.audio");
    }

    @Test
    void fieldDependingOnAllCoversEveryFieldOfEveryDep() {
        FeatureSpec d = FeatureSpec.builder("d").idColumns("id")
            .dependsOn(dev.metaxy.definition.FeatureDep.on(MEDIA.key()).fieldsMapping(FieldsMapping.none()))
            .dependsOn(TEXT)
            .field(FieldSpec.dependingOnAll(FieldKey.of("audio"), "1")).build();
        assertThat(parents(graph(MEDIA, TEXT, d), "d", "audio")).containsExactly("media.audio", "media.frames", "text.audio");
    }

    @Test
    void explicitFieldDepsReplaceTheAutomaticMappingAndCollapseDuplicates() {
        FeatureSpec d = FeatureSpec.builder("d").idColumns("id").dependsOn(MEDIA).dependsOn(TEXT)
            .field("audio", "1", FieldDep.on("media", "frames"), FieldDep.on("media", "frames"), FieldDep.on("text")).build();
        assertThat(parents(graph(MEDIA, TEXT, d), "d", "audio")).containsExactly("media.frames", "text.audio");
    }

    @Test
    void noUpstreamFieldsIsAnErrorNamingFieldAndFeature() {
        FeatureSpec d = FeatureSpec.builder("d/x").idColumns("id")
            .dependsOn(dev.metaxy.definition.FeatureDep.on(MEDIA.key()).fieldsMapping(FieldsMapping.none()))
            .field("audio", "1").build();
        FeatureGraph g = graph(MEDIA, d);
        assertThatThrownBy(() -> FieldLineage.parents(g, d.key(), FieldKey.of("audio")))
            .isInstanceOf(GraphException.class)
            .hasMessageContaining("No upstream fields found for field 'audio' of feature 'd/x'");
        assertThatThrownBy(() -> g.versions().featureVersion("d/x"))
            .isInstanceOf(GraphException.class)
            .hasMessageContaining("No upstream fields found");
    }

    @Test
    void aDepWhoseMappingResolvesToNothingContributesNothing() {
        FeatureSpec d = FeatureSpec.builder("d").idColumns("id")
            .dependsOn(dev.metaxy.definition.FeatureDep.on(MEDIA.key()).fieldsMapping(FieldsMapping.none()))
            .dependsOn(TEXT).build();
        assertThat(parents(graph(MEDIA, TEXT, d), "d", "default")).containsExactly("text.audio");
    }
}
