package dev.metaxy.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** FieldSpec, FieldDep, FieldsMapping (§2.1–§2.3) and Lineage (§2.4). */
class FieldsMappingTest {
    private static final List<FieldKey> UPSTREAM = fields("audio", "frames", "audio/french", "video/audio", "meta/x/audio");

    // ------------------------------------------------------------------ FieldSpec

    @Test
    void fieldSpecDefaultsToInitialCodeVersionAndAutomaticLineage() {
        FieldSpec f = FieldSpec.of("audio");
        assertThat(f.key()).isEqualTo(FieldKey.of("audio"));
        assertThat(f.codeVersion()).isEqualTo("__metaxy_initial__").isEqualTo(FieldSpec.DEFAULT_CODE_VERSION);
        assertThat(f.deps()).isEmpty();
        assertThat(f.dependsOnAll()).isFalse();
        assertThat(FieldSpec.DEFAULT_KEY).isEqualTo(FieldKey.of("default"));
    }

    @Test
    void fieldSpecWithExplicitDepsKeepsThemInOrder() {
        FieldDep a = FieldDep.on("up/a", "x");
        FieldDep b = FieldDep.on("up/b");
        FieldSpec f = FieldSpec.of("out", "2", a, b);
        assertThat(f.codeVersion()).isEqualTo("2");
        assertThat(f.deps()).containsExactly(a, b);
        assertThatThrownBy(() -> f.deps().add(a)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void fieldSpecDependingOnAllHasNoExplicitDeps() {
        FieldSpec f = FieldSpec.dependingOnAll(FieldKey.of("x"), "1");
        assertThat(f.dependsOnAll()).isTrue();
        assertThat(f.deps()).isEmpty();
        assertThat(f).isNotEqualTo(FieldSpec.of("x", "1"));
    }

    @Test
    void fieldSpecWithCodeVersionReturnsACopy() {
        FieldSpec f = FieldSpec.of("x", "1");
        FieldSpec g = f.withCodeVersion("2");
        assertThat(f.codeVersion()).isEqualTo("1");
        assertThat(g.codeVersion()).isEqualTo("2");
        assertThat(g.key()).isEqualTo(f.key());
    }

    @Test
    void fieldSpecEqualityCoversKeyCodeVersionAndDeps() {
        assertThat(FieldSpec.of("x", "1")).isEqualTo(FieldSpec.of("x", "1")).hasSameHashCodeAs(FieldSpec.of("x", "1"));
        assertThat(FieldSpec.of("x", "1")).isNotEqualTo(FieldSpec.of("x", "2")).isNotEqualTo(FieldSpec.of("y", "1"))
            .isNotEqualTo(FieldSpec.of("x", "1", FieldDep.on("a")));
    }

    @Test
    void fieldSpecRejectsNullCodeVersionNamingTheField() {
        assertThatThrownBy(() -> FieldSpec.of("audio", (String) null))
            .isInstanceOf(MetaxyDefinitionException.class)
            .hasMessageContaining("'audio'")
            .hasMessageContaining("code_version");
    }

    @Test
    void fieldSpecRejectsAnInvalidKey() {
        assertThatThrownBy(() -> FieldSpec.of("Audio")).isInstanceOf(InvalidKeyException.class).hasMessageContaining("'Audio'");
    }

    // ------------------------------------------------------------------ FieldDep

    @Test
    void fieldDepWithoutFieldNamesCoversAllFields() {
        FieldDep d = FieldDep.on("up/a");
        assertThat(d.isAllFields()).isTrue();
        assertThat(d.fields()).isEmpty();
        assertThat(d).isEqualTo(FieldDep.all(FeatureKey.of("up/a")));
    }

    @Test
    void fieldDepWithFieldNamesListsThem() {
        FieldDep d = FieldDep.on("up/a", "x", "y/z");
        assertThat(d.isAllFields()).isFalse();
        assertThat(d.feature()).isEqualTo(FeatureKey.of("up/a"));
        assertThat(d.fields()).contains(fields("x", "y/z"));
        assertThat(d).isEqualTo(FieldDep.on(FeatureKey.of("up/a"), fields("x", "y/z"))).hasSameHashCodeAs(FieldDep.on("up/a", "x", "y/z"));
    }

    @Test
    void fieldDepWithAnEmptyListMeansNoFieldsNotAll() {
        FieldDep d = FieldDep.on(FeatureKey.of("up"), List.of());
        assertThat(d.isAllFields()).isFalse();
        assertThat(d.fields()).contains(List.of());
        assertThat(d).isNotEqualTo(FieldDep.all(FeatureKey.of("up")));
    }

    @Test
    void fieldDepRejectsInvalidFieldAndFeatureNames() {
        assertThatThrownBy(() -> FieldDep.on("up", "Bad")).isInstanceOf(InvalidKeyException.class).hasMessageContaining("FieldKey 'Bad'");
        assertThatThrownBy(() -> FieldDep.on("Up", "x")).isInstanceOf(InvalidKeyException.class).hasMessageContaining("FeatureKey 'Up'");
    }

    // ------------------------------------------------------------------ FieldsMapping.default

    @Test
    void defaultMappingPicksTheSameNamedUpstreamField() {
        assertThat(FieldsMapping.defaults().resolve(FieldKey.of("audio"), UPSTREAM)).containsExactly(FieldKey.of("audio"));
        assertThat(FieldsMapping.defaults().resolve(FieldKey.of("audio/french"), UPSTREAM)).containsExactly(FieldKey.of("audio/french"));
    }

    @Test
    void defaultMappingFallsBackToAllUpstreamFieldsWhenNothingMatches() {
        assertThat(FieldsMapping.defaults().resolve(FieldKey.of("default"), UPSTREAM)).containsExactlyInAnyOrderElementsOf(UPSTREAM);
    }

    @Test
    void defaultMappingWithoutSuffixMatchingIgnoresSuffixes() {
        // "french" is only a suffix of "audio/french": without match_suffix nothing matches, so the fallback applies
        assertThat(FieldsMapping.defaults().resolve(FieldKey.of("french"), UPSTREAM)).containsExactlyInAnyOrderElementsOf(UPSTREAM);
    }

    @Test
    void suffixMatchingOnASinglePartMatchesTheLastPartOfLongerKeys() {
        FieldsMapping m = FieldsMapping.defaults(true);
        assertThat(m.resolve(FieldKey.of("audio"), UPSTREAM))
            .containsExactlyInAnyOrder(FieldKey.of("audio"), FieldKey.of("video/audio"), FieldKey.of("meta/x/audio"));
        assertThat(m.resolve(FieldKey.of("french"), UPSTREAM)).containsExactly(FieldKey.of("audio/french"));
    }

    @Test
    void suffixMatchingOnSeveralPartsMatchesTrailingPartTuples() {
        FieldsMapping m = FieldsMapping.defaults(true);
        assertThat(m.resolve(FieldKey.of("x/audio"), UPSTREAM)).containsExactly(FieldKey.of("meta/x/audio"));
        // longer downstream key than any upstream key: no suffix match, so fall back to everything
        assertThat(m.resolve(FieldKey.of("a/b/c/d"), UPSTREAM)).containsExactlyInAnyOrderElementsOf(UPSTREAM);
        // a suffix must be whole parts, not a substring
        assertThat(m.resolve(FieldKey.of("udio"), fields("audio", "x"))).containsExactlyInAnyOrder(FieldKey.of("audio"), FieldKey.of("x"));
    }

    @Test
    void excludedFieldsNeverMatchAndAreLeftOutOfTheFallback() {
        FieldsMapping m = FieldsMapping.defaults(false, FieldKey.of("audio"), FieldKey.of("frames"));
        Set<FieldKey> excluded = m.resolve(FieldKey.of("audio"), UPSTREAM);
        assertThat(excluded).containsExactlyInAnyOrder(FieldKey.of("audio/french"), FieldKey.of("video/audio"), FieldKey.of("meta/x/audio"));
        assertThat(m.resolve(FieldKey.of("default"), UPSTREAM)).doesNotContain(FieldKey.of("audio"), FieldKey.of("frames")).hasSize(3);
    }

    @Test
    void excludingEveryUpstreamFieldResolvesToNothing() {
        FieldsMapping m = FieldsMapping.defaults(false, FieldKey.of("a"), FieldKey.of("b"));
        assertThat(m.resolve(FieldKey.of("x"), fields("a", "b"))).isEmpty();
    }

    @Test
    void excludeWithSuffixMatchingDropsOnlyTheExcludedMatches() {
        FieldsMapping m = FieldsMapping.defaults(true, FieldKey.of("video/audio"));
        assertThat(m.resolve(FieldKey.of("audio"), UPSTREAM)).containsExactlyInAnyOrder(FieldKey.of("audio"), FieldKey.of("meta/x/audio"));
    }

    @Test
    void defaultMappingEqualityCoversItsSettings() {
        assertThat(FieldsMapping.defaults()).isEqualTo(FieldsMapping.defaults(false));
        assertThat(FieldsMapping.defaults(true)).isNotEqualTo(FieldsMapping.defaults(false));
        assertThat(FieldsMapping.defaults(false, FieldKey.of("a"))).isNotEqualTo(FieldsMapping.defaults());
    }

    // ------------------------------------------------------------------ specific / all / none

    @Test
    void specificMappingReturnsTheListedFieldsThatExistUpstream() {
        Map<FieldKey, List<FieldKey>> table = new LinkedHashMap<>();
        table.put(FieldKey.of("out"), fields("frames", "audio/french", "missing"));
        FieldsMapping m = FieldsMapping.specific(table);
        assertThat(m.resolve(FieldKey.of("out"), UPSTREAM)).containsExactlyInAnyOrder(FieldKey.of("frames"), FieldKey.of("audio/french"));
    }

    @Test
    void specificMappingHasNoFallback() {
        FieldsMapping m = FieldsMapping.specific(Map.of(FieldKey.of("out"), fields("frames")));
        assertThat(m.resolve(FieldKey.of("other"), UPSTREAM)).isEmpty();
        assertThat(m.resolve(FieldKey.of("audio"), UPSTREAM)).as("same name does not help").isEmpty();
    }

    @Test
    void specificMappingKeepsUpstreamListsSortedByPartTuple() {
        FieldsMapping m = FieldsMapping.specific(Map.of(FieldKey.of("out"), fields("b_c", "b/c", "a")));
        assertThat(((FieldsMapping.Specific) m).mapping().get(FieldKey.of("out"))).extracting(FieldKey::toString)
            .containsExactly("a", "b/c", "b_c");
    }

    @Test
    void specificMappingIsACopyOfTheGivenTable() {
        Map<FieldKey, List<FieldKey>> table = new LinkedHashMap<>();
        List<FieldKey> ups = new ArrayList<>(fields("a"));
        table.put(FieldKey.of("out"), ups);
        FieldsMapping m = FieldsMapping.specific(table);
        ups.add(FieldKey.of("b"));
        table.put(FieldKey.of("other"), fields("b"));
        assertThat(m.resolve(FieldKey.of("out"), fields("a", "b"))).containsExactly(FieldKey.of("a"));
        assertThat(m.resolve(FieldKey.of("other"), fields("a", "b"))).isEmpty();
    }

    @Test
    void allMappingReturnsEveryUpstreamField() {
        assertThat(FieldsMapping.all().resolve(FieldKey.of("audio"), UPSTREAM)).containsExactlyInAnyOrderElementsOf(UPSTREAM);
    }

    @Test
    void noneMappingReturnsNothing() {
        assertThat(FieldsMapping.none().resolve(FieldKey.of("audio"), UPSTREAM)).isEmpty();
    }

    // ------------------------------------------------------------------ Lineage

    @Test
    void lineageTypesHaveTheirWireNames() {
        assertThat(Lineage.identity().type()).isEqualTo("1:1");
        assertThat(Lineage.aggregation().type()).isEqualTo("N:1");
        assertThat(Lineage.expansion("video_id").type()).isEqualTo("1:N");
    }

    @Test
    void aggregationWithoutOnUsesTheTargetIdColumns() {
        Lineage.Aggregation a = (Lineage.Aggregation) Lineage.aggregation();
        assertThat(a.on()).isNull();
        assertThat(a.onColumns()).isEmpty();
        assertThat(((Lineage.Aggregation) Lineage.aggregation("sensor_id")).onColumns()).contains(List.of("sensor_id"));
    }

    @Test
    void aggregationWithAnEmptyOnListIsRejected() {
        assertThatThrownBy(() -> Lineage.aggregation(new String[0]))
            .isInstanceOf(MetaxyDefinitionException.class)
            .hasMessageContaining("Aggregation")
            .hasMessageContaining("'on'");
    }

    @Test
    void expansionWithoutOnIsRejected() {
        assertThatThrownBy(() -> Lineage.expansion())
            .isInstanceOf(MetaxyDefinitionException.class)
            .hasMessageContaining("Expansion")
            .hasMessageContaining("'on' is required");
        assertThatThrownBy(() -> new Lineage.Expansion(null, null))
            .isInstanceOf(MetaxyDefinitionException.class)
            .hasMessageContaining("'on' is required");
    }

    @Test
    void expansionKeepsItsIdGenerationPattern() {
        Lineage.Expansion e = new Lineage.Expansion(List.of("video_id"), "{video_id}_{i}");
        assertThat(e.on()).containsExactly("video_id");
        assertThat(e.idGenerationPattern()).isEqualTo("{video_id}_{i}");
        assertThat(Lineage.expansion("video_id")).isEqualTo(new Lineage.Expansion(List.of("video_id"), null));
    }

    private static List<FieldKey> fields(String... keys) {
        List<FieldKey> out = new ArrayList<>();
        for (String k : keys) {
            out.add(FieldKey.of(k));
        }
        return out;
    }
}
