package dev.metaxy.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeatureKeyTest {

    @Test
    void parsesSlashSeparatedStringIntoParts() {
        FeatureKey key = FeatureKey.of("a/b/c");
        assertThat(key.parts()).containsExactly("a", "b", "c");
        assertThat(key).hasToString("a/b/c");
    }

    @Test
    void buildsFromPartsVarargsAndList() {
        assertThat(FeatureKey.of("a", "b", "c")).isEqualTo(FeatureKey.of("a/b/c"));
        assertThat(FeatureKey.ofParts(List.of("a", "b", "c"))).isEqualTo(FeatureKey.of("a/b/c"));
        assertThat(FeatureKey.of("single").parts()).containsExactly("single");
    }

    @Test
    void partsAreImmutable() {
        FeatureKey key = FeatureKey.of("a/b");
        assertThatThrownBy(() -> key.parts().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void keyFromListIsNotAffectedByLaterChangesToTheList() {
        List<String> parts = new ArrayList<>(List.of("a", "b"));
        FeatureKey key = FeatureKey.ofParts(parts);
        parts.add("c");
        assertThat(key).hasToString("a/b");
    }

    @Test
    void emptyStringIsRejected() {
        assertThatThrownBy(() -> FeatureKey.of(""))
            .isInstanceOf(InvalidKeyException.class)
            .hasMessageContaining("FeatureKey ''")
            .hasMessageContaining("at least one part");
    }

    @Test
    void emptyPartListIsRejected() {
        assertThatThrownBy(() -> FeatureKey.ofParts(List.of()))
            .isInstanceOf(InvalidKeyException.class)
            .hasMessageContaining("FeatureKey []")
            .hasMessageContaining("at least one part");
    }

    @Test
    void nullKeyIsRejected() {
        assertThatThrownBy(() -> FeatureKey.of((String) null))
            .isInstanceOf(InvalidKeyException.class)
            .hasMessageContaining("must not be null");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/x      | part 1 ''   | is empty",
        "a//b    | part 2 ''   | is empty",
        "a/      | part 2 ''   | is empty",
        "A       | part 1 'A'  | ^[a-z_][a-z0-9_-]*$",
        "a/B     | part 2 'B'  | ^[a-z0-9_][a-z0-9_-]*$",
        "video/Raw | part 2 'Raw' | lowercase",
        "a__b    | part 1 'a__b' | contains '__'",
        "a/b__c  | part 2 'b__c' | contains '__'",
        "1a      | part 1 '1a' | starting with a letter or '_'",
        "-a      | part 1 '-a' | ^[a-z_][a-z0-9_-]*$",
        "a.b     | part 1 'a.b' | ^[a-z_][a-z0-9_-]*$",
        "a/b.c   | part 2 'b.c' | ^[a-z0-9_][a-z0-9_-]*$",
        "'a b'   | part 1 'a b' | ^[a-z_][a-z0-9_-]*$",
        "café    | part 1 'café' | ^[a-z_][a-z0-9_-]*$",
        "a/-x    | part 2 '-x'  | ^[a-z0-9_][a-z0-9_-]*$",
        "a/naïve | part 2 'naïve' | ^[a-z0-9_][a-z0-9_-]*$",
    })
    void invalidKeysAreRejectedNamingThePartAndTheRule(String key, String part, String rule) {
        assertThatThrownBy(() -> FeatureKey.of(key))
            .isInstanceOf(InvalidKeyException.class)
            .hasMessageContaining("FeatureKey '" + key + "'")
            .hasMessageContaining(part)
            .hasMessageContaining(rule);
    }

    @Test
    void partContainingSlashIsRejectedWhenGivenAsParts() {
        assertThatThrownBy(() -> FeatureKey.of("a", "b/c"))
            .isInstanceOf(InvalidKeyException.class)
            .hasMessageContaining("'b/c'")
            .hasMessageContaining("contains '/'");
    }

    @Test
    void nullPartIsRejected() {
        assertThatThrownBy(() -> FeatureKey.ofParts(Collections.singletonList(null)))
            .isInstanceOf(NullPointerException.class)
            .hasMessageContaining("null part");
    }

    @Test
    void laterPartsMayStartWithADigitButTheFirstMayNot() {
        assertThat(FeatureKey.of("a/1b").parts()).containsExactly("a", "1b");
        assertThat(FeatureKey.of("a/1")).hasToString("a/1");
        assertThatThrownBy(() -> FeatureKey.of("1a/b")).isInstanceOf(InvalidKeyException.class).hasMessageContaining("'1a'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"_private", "a-b", "a_b", "a/0x", "a/_x", "x9/y-z_0", "metaxy-system/feature_versions"})
    void validKeysRoundTripThroughToString(String key) {
        assertThat(FeatureKey.of(key)).hasToString(key);
        assertThat(FieldKey.of(key)).hasToString(key);
    }

    @Test
    void stringFormsJoinPartsDifferently() {
        FeatureKey key = FeatureKey.of("audio/french");
        assertThat(key.toString()).isEqualTo("audio/french");
        assertThat(key.toStructKey()).isEqualTo("audio_french");
        assertThat(key.toColumnSuffix()).isEqualTo("__audio_french");
        assertThat(key.tableName()).isEqualTo("audio__french");
    }

    @Test
    void tableNameReplacesDashesWithUnderscores() {
        assertThat(FeatureKey.of("metaxy-system/feature_versions").tableName()).isEqualTo("metaxy_system__feature_versions");
        assertThat(FeatureKey.of("metaxy-system/feature_versions").toStructKey()).isEqualTo("metaxy-system_feature_versions");
    }

    @Test
    void naturalOrderComparesPartTuples() {
        List<FeatureKey> keys = keys("a_b", "a/b/c", "a-b", "a", "a/b");
        Collections.sort(keys);
        assertThat(keys).extracting(FeatureKey::toString).containsExactly("a", "a/b", "a/b/c", "a-b", "a_b");
    }

    @Test
    void byStringOrderComparesSlashJoinedStrings() {
        List<FeatureKey> keys = keys("a_b", "a/b/c", "a-b", "a", "a/b");
        keys.sort(FeatureKey.BY_STRING);
        assertThat(keys).extracting(FeatureKey::toString).containsExactly("a", "a-b", "a/b", "a/b/c", "a_b");
    }

    @Test
    void equalKeysHaveEqualHashCodesRegardlessOfHowTheyWereBuilt() {
        FeatureKey parsed = FeatureKey.of("a/b");
        FeatureKey built = FeatureKey.ofParts(List.of("a", "b"));
        assertThat(parsed).isEqualTo(built).hasSameHashCodeAs(built);
        assertThat(parsed.compareTo(built)).isZero();
        assertThat(parsed).isNotEqualTo(FeatureKey.of("a/c")).isNotEqualTo(FeatureKey.of("a_b")).isNotEqualTo("a/b");
    }

    @Test
    void featureAndFieldKeysWithTheSamePartsAreNotEqual() {
        assertThat((Object) FeatureKey.of("a/b")).isNotEqualTo(FieldKey.of("a/b"));
    }

    @Test
    void fieldKeysFollowTheSameRulesAndNameTheirKind() {
        FieldKey key = FieldKey.of("audio/french");
        assertThat(key.parts()).containsExactly("audio", "french");
        assertThat(key.toStructKey()).isEqualTo("audio_french");
        assertThat(key.toColumnSuffix()).isEqualTo("__audio_french");
        assertThat(FieldKey.of("a", "b")).isEqualTo(FieldKey.ofParts(List.of("a", "b"))).hasSameHashCodeAs(FieldKey.of("a/b"));
        assertThatThrownBy(() -> FieldKey.of("Audio"))
            .isInstanceOf(InvalidKeyException.class)
            .hasMessageContaining("FieldKey 'Audio'")
            .hasMessageContaining("part 1 'Audio'");
        assertThatThrownBy(() -> FieldKey.of("a//b")).isInstanceOf(InvalidKeyException.class).hasMessageContaining("is empty");
        assertThatThrownBy(() -> FieldKey.of("")).isInstanceOf(InvalidKeyException.class).hasMessageContaining("FieldKey ''");
    }

    @Test
    void fieldKeyOrdersLikeFeatureKey() {
        List<FieldKey> keys = new ArrayList<>();
        for (String s : List.of("a_b", "a/b/c", "a-b", "a", "a/b")) {
            keys.add(FieldKey.of(s));
        }
        List<FieldKey> byTuple = new ArrayList<>(keys);
        Collections.sort(byTuple);
        assertThat(byTuple).extracting(FieldKey::toString).containsExactly("a", "a/b", "a/b/c", "a-b", "a_b");
        keys.sort(FieldKey.BY_STRING);
        assertThat(keys).extracting(FieldKey::toString).containsExactly("a", "a-b", "a/b", "a/b/c", "a_b");
    }

    @Test
    void qualifiedFieldKeyJoinsFeatureAndFieldWithADot() {
        QualifiedFieldKey q = new QualifiedFieldKey(FeatureKey.of("video/raw"), FieldKey.of("audio/french"));
        assertThat(q).hasToString("video/raw.audio/french");
        QualifiedFieldKey other = new QualifiedFieldKey(FeatureKey.of("video/raw_x"), FieldKey.of("a"));
        // '.' (0x2e) sorts before '_' (0x5f): ordering is by the joined string
        assertThat(q.compareTo(other)).isNegative();
        assertThatThrownBy(() -> new QualifiedFieldKey(null, FieldKey.of("a"))).isInstanceOf(NullPointerException.class)
            .hasMessageContaining("feature");
    }

    private static List<FeatureKey> keys(String... keys) {
        List<FeatureKey> out = new ArrayList<>();
        for (String k : keys) {
            out.add(FeatureKey.of(k));
        }
        return out;
    }
}
