package dev.metaxy.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureSpecTest {
    static final FeatureSpec VIDEO = FeatureSpec.builder("video/raw").idColumns("sample_uid").field("frames", "1").field("audio", "1").build();

    /** A Java feature class in the style of the docs. */
    public static final class Video implements Feature {
        public static final FeatureSpec SPEC = VIDEO;
    }

    @Test
    void builderReadsLikeTheFeatureItDescribes() {
        FeatureSpec crop = FeatureSpec.builder("video/crop")
            .idColumns("sample_uid")
            .dependsOn(Video.class)
            .field("audio", "1")
            .field("frames", "1", FieldDep.on(VIDEO.key(), "frames"))
            .metadata("owner", "vision")
            .description("Cropped frames")
            .build();
        assertThat(crop.key()).isEqualTo(FeatureKey.of("video/crop"));
        assertThat(crop.idColumns()).containsExactly("sample_uid");
        assertThat(crop.deps()).containsExactly(FeatureDep.of(FeatureKey.of("video/raw")));
        assertThat(crop.dep(FeatureKey.of("video/raw"))).isPresent();
        assertThat(crop.dep(FeatureKey.of("other"))).isEmpty();
        assertThat(crop.fieldKeys()).containsExactly(FieldKey.of("audio"), FieldKey.of("frames"));
        assertThat(crop.field(FieldKey.of("frames")).orElseThrow().deps()).containsExactly(FieldDep.on("video/raw", "frames"));
        assertThat(crop.field(FieldKey.of("nope"))).isEmpty();
        assertThat(crop.metadata().get("owner").asText()).isEqualTo("vision");
        assertThat(crop.description()).contains("Cropped frames");
        assertThat(crop.isRoot()).isFalse();
        assertThat(VIDEO.isRoot()).isTrue();
    }

    @Test
    void dependsOnAcceptsKeyStringSpecClassAndDep() {
        FeatureKey k = FeatureKey.of("video/raw");
        List<FeatureSpec> specs = List.of(
            FeatureSpec.builder("x").idColumns("id").dependsOn("video/raw").build(),
            FeatureSpec.builder("x").idColumns("id").dependsOn(k).build(),
            FeatureSpec.builder("x").idColumns("id").dependsOn(VIDEO).build(),
            FeatureSpec.builder("x").idColumns("id").dependsOn(Video.class).build(),
            FeatureSpec.builder("x").idColumns("id").dependsOn(FeatureDep.on(k)).build(),
            FeatureSpec.builder("x").idColumns("id").dependsOn(FeatureDep.of(k)).build());
        assertThat(specs).allSatisfy(s -> assertThat(s).isEqualTo(specs.get(0)));
    }

    @Test
    void featureWithoutFieldsGetsTheSingleDefaultField() {
        FeatureSpec s = FeatureSpec.builder("a").idColumns("id").build();
        assertThat(s.fields()).containsExactly(FieldSpec.of("default"));
        assertThat(s.fields().get(0).codeVersion()).isEqualTo("__metaxy_initial__");
    }

    @Test
    void defaultsAreEmptyMetadataAndNoDescription() {
        FeatureSpec s = FeatureSpec.builder("a").idColumns("id").build();
        assertThat(s.metadata().isEmpty()).isTrue();
        assertThat(s.description()).isEmpty();
        assertThat(s.deps()).isEmpty();
        assertThat(s.extras()).isEmpty();
    }

    @Test
    void emptyIdColumnsAreRejected() {
        assertThatThrownBy(() -> FeatureSpec.builder("video/raw").build())
            .isInstanceOf(MetaxyDefinitionException.class)
            .hasMessageContaining("'video/raw'")
            .hasMessageContaining("id_columns must not be empty");
    }

    @Test
    void duplicateIdColumnIsRejected() {
        assertThatThrownBy(() -> FeatureSpec.builder("video/raw").idColumns("sample_uid", "sample_uid").build())
            .isInstanceOf(MetaxyDefinitionException.class)
            .hasMessageContaining("'video/raw'")
            .hasMessageContaining("id column 'sample_uid' is listed twice");
    }

    @Test
    void idColumnNamedLikeASystemColumnIsRejected() {
        assertThatThrownBy(() -> FeatureSpec.builder("video/raw").idColumns("metaxy_provenance").build())
            .isInstanceOf(MetaxyDefinitionException.class)
            .hasMessageContaining("'video/raw'")
            .hasMessageContaining("'metaxy_provenance'")
            .hasMessageContaining("reserved system column");
    }

    @Test
    void emptyIdColumnNameIsRejected() {
        assertThatThrownBy(() -> FeatureSpec.builder("video/raw").idColumns("").build())
            .isInstanceOf(MetaxyDefinitionException.class)
            .hasMessageContaining("'video/raw'")
            .hasMessageContaining("non-empty");
    }

    @Test
    void duplicateFieldKeysAreRejected() {
        assertThatThrownBy(() -> FeatureSpec.builder("video/raw").idColumns("id").field("audio", "1").field("audio", "2").build())
            .isInstanceOf(MetaxyDefinitionException.class)
            .hasMessageContaining("'video/raw'")
            .hasMessageContaining("duplicate field key 'audio'");
    }

    @Test
    void duplicateDependencyIsRejected() {
        assertThatThrownBy(() -> FeatureSpec.builder("video/crop").idColumns("id").dependsOn("video/raw")
                .dependsOn(FeatureDep.on("video/raw").optional()).build())
            .isInstanceOf(MetaxyDefinitionException.class)
            .hasMessageContaining("'video/crop'")
            .hasMessageContaining("dependency on 'video/raw' is declared twice");
    }

    @Test
    void selfDependencyIsRejected() {
        assertThatThrownBy(() -> FeatureSpec.builder("video/crop").idColumns("id").dependsOn("video/crop").build())
            .isInstanceOf(MetaxyDefinitionException.class)
            .hasMessageContaining("'video/crop' depends on itself");
    }

    @Test
    void fieldDependencyOnAFeatureNotAmongTheDepsIsRejected() {
        assertThatThrownBy(() -> FeatureSpec.builder("video/crop").idColumns("id").dependsOn("video/raw")
                .field("frames", "1", FieldDep.on("audio/raw", "wave")).build())
            .isInstanceOf(MetaxyDefinitionException.class)
            .hasMessageContaining("'video/crop'")
            .hasMessageContaining("field 'frames'")
            .hasMessageContaining("'audio/raw'")
            .hasMessageContaining("not among the feature's dependencies [video/raw]");
    }

    @Test
    void metadataAccessorReturnsACopy() {
        FeatureSpec s = FeatureSpec.builder("a").idColumns("id").metadata("k", "v").build();
        ObjectNode copy = s.metadata();
        copy.put("k", "changed");
        copy.put("other", 1);
        assertThat(s.metadata().get("k").asText()).isEqualTo("v");
        assertThat(s.metadata().has("other")).isFalse();
    }

    @Test
    void metadataGivenToTheBuilderIsCopied() {
        ObjectNode meta = JsonNodeFactory.instance.objectNode().put("k", "v");
        FeatureSpec.Builder b = FeatureSpec.builder("a").idColumns("id").metadata(meta);
        FeatureSpec s = b.build();
        meta.put("k", "changed");
        b.metadata("k", "later");
        assertThat(s.metadata().get("k").asText()).isEqualTo("v");
        assertThat(b.build().metadata().get("k").asText()).isEqualTo("later");
    }

    @Test
    void listsAreImmutableAndDetachedFromTheBuilder() {
        List<String> ids = new ArrayList<>(List.of("id"));
        FeatureSpec.Builder b = FeatureSpec.builder("a").idColumns(ids).field("x");
        FeatureSpec s = b.build();
        ids.add("other");
        b.field("y");
        assertThat(s.idColumns()).containsExactly("id");
        assertThat(s.fieldKeys()).containsExactly(FieldKey.of("x"));
        assertThatThrownBy(() -> s.idColumns().add("z")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> s.deps().add(FeatureDep.of(FeatureKey.of("b")))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> s.fields().add(FieldSpec.of("z"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> s.extras().put("z", TextNode.valueOf("v"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void idColumnsReplaceEarlierOnes() {
        FeatureSpec s = FeatureSpec.builder("a").idColumns("x").idColumns("y", "z").build();
        assertThat(s.idColumns()).containsExactly("y", "z");
    }

    @Test
    void toBuilderCopiesEverythingAndRefinesIntoANewSpec() {
        FeatureSpec s = FeatureSpec.builder("a").idColumns("id").dependsOn("up").field("x", "1").metadata("k", "v")
            .description("d").extra("custom", TextNode.valueOf("c")).build();
        assertThat(s.toBuilder().build()).isEqualTo(s).hasSameHashCodeAs(s);
        FeatureSpec t = s.toBuilder().description("other").build();
        assertThat(t).isNotEqualTo(s);
        assertThat(s.description()).contains("d");
    }

    @Test
    void equalityCoversMetadataDescriptionAndExtras() {
        FeatureSpec s = FeatureSpec.builder("a").idColumns("id").build();
        assertThat(s).isEqualTo(FeatureSpec.builder("a").idColumns("id").field("default").build());
        assertThat(s).isNotEqualTo(s.toBuilder().metadata("k", "v").build())
            .isNotEqualTo(s.toBuilder().description("x").build())
            .isNotEqualTo(s.toBuilder().extra("e", TextNode.valueOf("v")).build())
            .isNotEqualTo(s.toBuilder().idColumns("other").build());
    }

    @Test
    void invalidFeatureKeyIsRejectedByTheBuilder() {
        assertThatThrownBy(() -> FeatureSpec.builder("Video/Raw")).isInstanceOf(InvalidKeyException.class).hasMessageContaining("'Video/Raw'");
    }

    @Test
    void classWithoutASpecFieldIsNotAFeatureClass() {
        assertThatThrownBy(() -> Feature.specOf(String.class))
            .isInstanceOf(MetaxyDefinitionException.class)
            .hasMessageContaining("java.lang.String")
            .hasMessageContaining("is not a feature class");
        assertThatThrownBy(() -> FeatureSpec.builder("x").dependsOn(NoSpec.class))
            .isInstanceOf(MetaxyDefinitionException.class)
            .hasMessageContaining("NoSpec")
            .hasMessageContaining("public static final FeatureSpec SPEC");
    }

    @Test
    void specFieldOfTheWrongTypeIsReported() {
        assertThatThrownBy(() -> Feature.specOf(WrongType.class))
            .isInstanceOf(MetaxyDefinitionException.class)
            .hasMessageContaining("WrongType")
            .hasMessageContaining("must be 'public static final FeatureSpec'");
    }

    /** Implements Feature but forgot its SPEC. */
    public static final class NoSpec implements Feature {
    }

    /** SPEC of the wrong type. */
    public static final class WrongType implements Feature {
        public static final String SPEC = "nope";
    }
}
