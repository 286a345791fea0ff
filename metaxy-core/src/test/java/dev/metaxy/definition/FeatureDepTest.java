package dev.metaxy.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureDepTest {

    @Test
    void plainDependencyHasPythonDefaults() {
        FeatureDep d = FeatureDep.of(FeatureKey.of("video/raw"));
        assertThat(d.feature()).isEqualTo(FeatureKey.of("video/raw"));
        assertThat(d.select()).isEmpty();
        assertThat(d.rename()).isEmpty();
        assertThat(d.sqlFilters()).isEmpty();
        assertThat(d.fieldsMapping()).isEqualTo(FieldsMapping.defaults());
        assertThat(d.lineage()).isEqualTo(Lineage.identity());
        assertThat(d.optional()).isFalse();
    }

    @Test
    void builderSetsEveryAttribute() {
        FeatureDep d = FeatureDep.on("video/raw")
            .select("frames_renamed", "fps")
            .rename("frames", "frames_renamed")
            .fieldsMapping(FieldsMapping.all())
            .filter("fps > 10")
            .filter("fps < 100")
            .lineage(Lineage.aggregation("video_id"))
            .optional()
            .build();
        assertThat(d.select()).contains(List.of("frames_renamed", "fps"));
        assertThat(d.rename()).contains(Map.of("frames", "frames_renamed"));
        assertThat(d.sqlFilters()).contains(List.of("fps > 10", "fps < 100"));
        assertThat(d.fieldsMapping()).isEqualTo(FieldsMapping.all());
        assertThat(d.lineage()).isEqualTo(Lineage.aggregation("video_id"));
        assertThat(d.optional()).isTrue();
        assertThat(d.renamed("frames")).isEqualTo("frames_renamed");
        assertThat(d.renamed("fps")).isEqualTo("fps");
    }

    @Test
    void emptySelectMeansOnlySystemAndIdColumnsAndDiffersFromNoSelect() {
        FeatureDep none = FeatureDep.on("a").select(List.of()).build();
        assertThat(none.select()).contains(List.of());
        assertThat(none).isNotEqualTo(FeatureDep.of(FeatureKey.of("a")));
    }

    @Test
    void toBuilderRoundTripsAndDoesNotShareState() {
        FeatureDep d = FeatureDep.on("a").rename("x", "y").select("y").filter("y > 1").optional().build();
        assertThat(d.toBuilder().build()).isEqualTo(d).hasSameHashCodeAs(d);
        FeatureDep changed = d.toBuilder().rename("z", "w").build();
        assertThat(changed.rename()).contains(Map.of("x", "y", "z", "w"));
        assertThat(d.rename()).contains(Map.of("x", "y"));
    }

    @Test
    void renameMapIsCopiedAndImmutable() {
        Map<String, String> renames = new LinkedHashMap<>();
        renames.put("a", "b");
        FeatureDep d = FeatureDep.on("up").rename(renames).build();
        renames.put("c", "d");
        assertThat(d.rename()).contains(Map.of("a", "b"));
        assertThatThrownBy(() -> d.rename().get().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void renameToASystemColumnIsRejected() {
        assertThatThrownBy(() -> FeatureDep.on("video/raw").rename("score", "metaxy_provenance").build())
            .isInstanceOf(MetaxyDefinitionException.class)
            .hasMessageContaining("'video/raw'")
            .hasMessageContaining("'score'")
            .hasMessageContaining("'metaxy_provenance'")
            .hasMessageContaining("reserved system column");
        assertThatThrownBy(() -> FeatureDep.on("up").rename("x", SystemColumns.DEFINITION_VERSION).build())
            .isInstanceOf(MetaxyDefinitionException.class)
            .hasMessageContaining("metaxy_definition_version");
    }

    @Test
    void renamingASystemColumnIsRejected() {
        assertThatThrownBy(() -> FeatureDep.on("video/raw").rename("metaxy_data_version", "dv").build())
            .isInstanceOf(MetaxyDefinitionException.class)
            .hasMessageContaining("'video/raw'")
            .hasMessageContaining("cannot rename system column 'metaxy_data_version'");
    }

    @Test
    void twoColumnsRenamedToTheSameNameAreRejected() {
        assertThatThrownBy(() -> FeatureDep.on("video/raw").rename("a", "x").rename("b", "x").build())
            .isInstanceOf(MetaxyDefinitionException.class)
            .hasMessageContaining("'video/raw'")
            .hasMessageContaining("same name 'x'");
    }

    @Test
    void emptyRenameTargetIsRejected() {
        assertThatThrownBy(() -> FeatureDep.on("video/raw").rename("a", "").build())
            .isInstanceOf(MetaxyDefinitionException.class)
            .hasMessageContaining("'video/raw'")
            .hasMessageContaining("column 'a'")
            .hasMessageContaining("empty target");
        Map<String, String> nullTarget = new LinkedHashMap<>();
        nullTarget.put("a", null);
        assertThatThrownBy(() -> FeatureDep.on("video/raw").rename(nullTarget).build())
            .isInstanceOf(MetaxyDefinitionException.class)
            .hasMessageContaining("empty target");
    }

    @Test
    void selectingAColumnThatWasRenamedAwayIsRejected() {
        assertThatThrownBy(() -> FeatureDep.on("video/raw").rename("frames", "n_frames").select("frames").build())
            .isInstanceOf(MetaxyDefinitionException.class)
            .hasMessageContaining("'video/raw'")
            .hasMessageContaining("select lists 'frames'")
            .hasMessageContaining("renamed to 'n_frames'")
            .hasMessageContaining("new names");
    }

    @Test
    void selectingTheNewNameOfASwappedColumnIsAllowed() {
        // a -> b and b -> a: both names still exist after renaming
        FeatureDep d = FeatureDep.on("up").rename("a", "b").rename("b", "a").select("a", "b").build();
        assertThat(d.renamed("a")).isEqualTo("b");
        assertThat(d.renamed("b")).isEqualTo("a");
    }

    @Test
    void selectListingAColumnTwiceIsRejected() {
        assertThatThrownBy(() -> FeatureDep.on("video/raw").select("fps", "fps").build())
            .isInstanceOf(MetaxyDefinitionException.class)
            .hasMessageContaining("'video/raw'")
            .hasMessageContaining("twice")
            .hasMessageContaining("fps");
    }

    @Test
    void equalityCoversEveryAttribute() {
        FeatureDep base = FeatureDep.on("a").build();
        assertThat(base).isEqualTo(FeatureDep.of(FeatureKey.of("a")));
        assertThat(base).isNotEqualTo(FeatureDep.on("a").optional().build())
            .isNotEqualTo(FeatureDep.on("a").lineage(Lineage.aggregation()).build())
            .isNotEqualTo(FeatureDep.on("a").fieldsMapping(FieldsMapping.none()).build())
            .isNotEqualTo(FeatureDep.on("a").filter("x = 1").build())
            .isNotEqualTo(FeatureDep.on("a").select("x").build())
            .isNotEqualTo(FeatureDep.on("a").rename("x", "y").build())
            .isNotEqualTo(FeatureDep.on("b").build());
    }
}
