package dev.metaxy.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.SystemColumns;
import dev.metaxy.expr.Expressions;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.DeleteOptions;
import dev.metaxy.store.FeatureNotInStoreException;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.ReadOptions;
import dev.metaxy.system.GraphSnapshots;
import dev.metaxy.system.SystemTables;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fallback stores: read chain by table existence, no mixing, on-demand opening, local writes (§7, §15 items 18, 19, 36). */
public abstract class FallbackContract extends StoreContract {
    private static final FeatureSpec PARENT = rootSpec("fb/parent", "value");
    private static final FeatureSpec CHILD = FeatureSpec.builder("fb/child").idColumns(UID).dependsOn(PARENT).field("derived", "1").build();

    private FeatureGraph g() {
        return graph(PARENT, CHILD);
    }

    private static Map<String, Object> parentRow(String uid, String value) {
        return row(UID, uid, PBF, byField("value", value));
    }

    /** A closed store named {@code name} holding the given parent rows. */
    private MetadataStore seeded(String name, List<Map<String, Object>> parents) {
        MetadataStore s = store(g(), settings().withDirectory(dir(name)));
        try (var w = openW(s)) {
            if (!parents.isEmpty()) {
                write(s, PARENT.key(), parents);
            }
        }
        return s;
    }

    private MetadataStore withFallbacks(String name, MetadataStore... fallbacks) {
        return store(g(), settings().withDirectory(dir(name)).withFallbackStores(List.of(fallbacks)));
    }

    @Test
    void readFallsBackWhenTheLocalTableIsMissingOpeningTheFallbackOnDemand() {
        MetadataStore prod = seeded("prod", List.of(parentRow("s1", "p1"), parentRow("s2", "p2")));
        MetadataStore dev = withFallbacks("dev", prod);
        try (var w = openW(dev)) {
            assertThat(prod.isOpen()).isFalse();
            assertThat(valueSet(readRows(dev, PARENT.key()), UID)).containsExactly("s1", "s2");
            assertThat(dev.read(PARENT.key()).count()).isEqualTo(2);
            assertThat(prod.isOpen()).as("the fallback is closed again after the on-demand read").isFalse();
            assertThat(dev.hasFeature(PARENT.key())).as("hasFeature looks at this store only").isFalse();
        }
    }

    @Test
    void readWithoutFallbackOrWithNothingAnywhereRaisesFeatureNotFound() {
        MetadataStore prod = seeded("prod", List.of());
        MetadataStore dev = withFallbacks("dev", prod);
        try (var w = openW(dev)) {
            assertThatThrownBy(() -> dev.read(PARENT.key()).collect())
                .isInstanceOf(FeatureNotInStoreException.class)
                .hasMessage("Feature fb/parent not found in store or fallback stores");
            assertThatThrownBy(() -> dev.read(PARENT.key(), ReadOptions.defaults().allowFallback(false)).collect())
                .isInstanceOf(FeatureNotInStoreException.class)
                .hasMessage("Feature fb/parent not found in store");
        }
        MetadataStore prod2 = seeded("prod2", List.of(parentRow("s1", "p1")));
        MetadataStore dev2 = withFallbacks("dev2", prod2);
        try (var w = openW(dev2)) {
            assertThatThrownBy(() -> dev2.read(PARENT.key(), ReadOptions.defaults().allowFallback(false)).collect())
                .isInstanceOf(FeatureNotInStoreException.class).hasMessage("Feature fb/parent not found in store");
        }
    }

    @Test
    void anExistingLocalTableWinsEvenWhenEmptyAndRowsAreNeverMixed() {
        MetadataStore prod = seeded("prod", List.of(parentRow("s1", "p1"), parentRow("s2", "p2")));
        MetadataStore dev = withFallbacks("dev", prod);
        try (var w = openW(dev)) {
            write(dev, PARENT.key(), List.of(parentRow("s3", "p3")));
            assertThat(valueSet(readRows(dev, PARENT.key()), UID)).containsExactly("s3");
            dev.delete(PARENT.key(), null, DeleteOptions.hard().withFeatureHistory());
            assertThat(dev.hasFeature(PARENT.key())).isTrue();
            assertThat(readRows(dev, PARENT.key())).as("an empty local table blocks the fallback").isEmpty();
        }
    }

    @Test
    void fallbackChainsOfAnyDepthAreFollowed() {
        MetadataStore prod = seeded("prod", List.of(parentRow("s1", "p1")));
        MetadataStore staging = withFallbacks("staging", prod);
        MetadataStore dev = withFallbacks("dev", staging);
        try (var r = openR(dev)) {
            assertThat(valueSet(readRows(dev, PARENT.key()), UID)).containsExactly("s1");
        }
    }

    @Test
    void writesGoToThePrimaryStoreOnly() {
        MetadataStore prod = seeded("prod", List.of(parentRow("s1", "p1")));
        MetadataStore dev = withFallbacks("dev", prod);
        try (var w = openW(dev)) {
            write(dev, PARENT.key(), List.of(parentRow("s2", "p2")));
            assertThat(valueSet(readRows(dev, PARENT.key()), UID)).containsExactly("s2");
        }
        try (var r = openR(prod)) {
            assertThat(valueSet(readRows(prod, PARENT.key()), UID)).containsExactly("s1");
            assertThat(rawCount(prod, PARENT.key())).isEqualTo(1);
        }
    }

    @Test
    void resolveUpdateWithUpstreamFromAFallbackEqualsTheAllLocalResult() {
        List<Map<String, Object>> parents = List.of(parentRow("s1", "p1"), parentRow("s2", "p2"), parentRow("s3", "p3"));
        MetadataStore prod = seeded("prod", parents);
        MetadataStore local = seeded("local", parents);
        MetadataStore dev = withFallbacks("dev", prod);
        IncrementRows viaFallback;
        try (var w = openW(dev)) {
            viaFallback = resolve(dev, CHILD.key());
            writeIfAny(dev, CHILD.key(), dev.resolveUpdate(CHILD.key()).newSamples());
            assertThat(resolve(dev, CHILD.key()).isEmpty()).as("the target's current rows come from this store").isTrue();
            assertThat(dev.hasFeature(PARENT.key())).isFalse();
        }
        try (var r = openR(local)) {
            IncrementRows allLocal = resolve(local, CHILD.key());
            assertSameRows("fallback vs local", viaFallback.newRows(), allLocal.newRows(), idAndVersioning(List.of(UID)));
            assertSameRows("fallback vs reference", viaFallback.newRows(), referenceExpected(local, CHILD.key()),
                idAndVersioning(List.of(UID)));
        }
    }

    @Test
    void targetCurrentRowsNeverComeFromAFallback() {
        MetadataStore prod = seeded("prod", List.of(parentRow("s1", "p1")));
        try (var w = openW(prod)) {
            writeDownstream(prod, CHILD.key());
        }
        MetadataStore dev = withFallbacks("dev", prod);
        try (var r = openR(dev)) {
            IncrementRows inc = resolve(dev, CHILD.key());
            assertThat(valueSet(inc.newRows(), UID)).containsExactly("s1");
            assertThat(inc.staleRows()).isEmpty();
        }
    }

    @Test
    void softDeletingAFallbackSampleWritesATombstoneLocally() {
        MetadataStore prod = seeded("prod", List.of(parentRow("s1", "p1"), parentRow("s2", "p2")));
        MetadataStore dev = withFallbacks("dev", prod);
        try (var w = openW(dev)) {
            dev.delete(PARENT.key(), Expressions.equal(UID, "s1"), DeleteOptions.soft());
            assertThat(dev.hasFeature(PARENT.key())).isTrue();
            assertThat(valueSet(readRows(dev, PARENT.key()), UID)).doesNotContain("s1");
            assertThat(readRows(dev, PARENT.key(), ReadOptions.defaults().includeSoftDeleted().allowFallback(false)))
                .singleElement().satisfies(r -> {
                    assertThat(r.get(UID)).isEqualTo("s1");
                    assertThat(r.get(SystemColumns.DELETED_AT)).isNotNull();
                });
        }
        try (var r = openR(prod)) {
            assertThat(rawCount(prod, PARENT.key())).as("the fallback is never written").isEqualTo(2);
        }
    }

    @Test
    void fallbackStoresMustUseTheSameHashAlgorithm() {
        MetadataStore prod = store(g(), settings().withDirectory(dir("prod")).withHashAlgorithm(HashAlgorithm.XXHASH64));
        HashAlgorithm other = supportedHashAlgorithms().stream().filter(a -> a != HashAlgorithm.XXHASH64).findFirst().orElseThrow();
        assertThatThrownBy(() -> {
            MetadataStore dev = store(g(), settings().withDirectory(dir("dev")).withHashAlgorithm(other)
                .withFallbackStores(List.of(prod)));
            dev.open(AccessMode.READ);
        }).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("Fallback store 0 uses hash_algorithm='xxhash64'")
            .hasMessageContaining("must use the same hash algorithm");
    }

    @Test
    void systemTablesAreNeverReadFromFallbacks() {
        MetadataStore prod = seeded("prod", List.of(parentRow("s1", "p1")));
        try (var w = openW(prod)) {
            new GraphSnapshots(prod).push(null, Map.of());
            assertThat(prod.readSystemRows(SystemTables.FEATURE_VERSIONS)).isPresent();
        }
        MetadataStore dev = withFallbacks("dev", prod);
        try (var r = openR(dev)) {
            assertThat(dev.readSystemRows(SystemTables.FEATURE_VERSIONS)).isEmpty();
            assertThat(new GraphSnapshots(dev).rows(null)).isEmpty();
        }
    }
}
