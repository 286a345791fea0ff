package dev.metaxy.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.expr.Expressions;
import dev.metaxy.frame.Frame;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.sql.HashAlgorithmNotSupportedException;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.DeleteOptions;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.ResolveOptions;
import dev.metaxy.store.StoreNotOpenException;
import dev.metaxy.store.WriteOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Open/close with the mode stack, closed and read-only use, hash-algorithm checks at open (§1, §15 items 1–3). */
public abstract class LifecycleContract extends StoreContract {
    private static final FeatureSpec ROOT = rootSpec("lifecycle/root");
    private static final FeatureSpec CHILD = childSpec("lifecycle/child", ROOT);
    private static final List<Map<String, Object>> ONE = List.of(sample("s1", "h1"));

    private FeatureGraph g() {
        return graph(ROOT, CHILD);
    }

    @Test
    void openReturnsTheStoreAndCloseLeavesItClosed() {
        MetadataStore s = store(g());
        assertThat(s.isOpen()).isFalse();
        assertThat(s.mode()).isEqualTo(AccessMode.READ);
        try (MetadataStore opened = s.open(AccessMode.WRITE)) {
            assertThat(opened).isSameAs(s);
            assertThat(s.isOpen()).isTrue();
            assertThat(s.mode()).isEqualTo(AccessMode.WRITE);
        }
        assertThat(s.isOpen()).isFalse();
        assertThat(s.mode()).isEqualTo(AccessMode.READ);
    }

    @Test
    void nestedWriteInsideReadAllowsWritesAndRevertsToRead() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            write(s, ROOT.key(), ONE); // create the table so the outer read open sees an existing store
        }
        try (var r = openR(s)) {
            assertThat(s.mode()).isEqualTo(AccessMode.READ);
            try (var w = openW(s)) {
                assertThat(s.mode()).isEqualTo(AccessMode.WRITE);
            }
            assertThat(s.mode()).isEqualTo(AccessMode.READ);
            assertThat(s.isOpen()).isTrue();
            assertThatThrownBy(() -> write(s, ROOT.key(), List.of(sample("s2", "h2"))))
                .isInstanceOf(StoreNotOpenException.class).hasMessageContaining("open in read mode");
        }
        assertThat(s.isOpen()).isFalse();
        try (var r = openR(s)) {
            assertThat(rawCount(s, ROOT.key())).isEqualTo(1);
        }
    }

    @Test
    void nestedWriteFromReadCanWriteWhenTheStoreStartsEmpty() {
        // Python regression #1016 (in-memory DuckDB): escalation from an outer read on a fresh store works
        MetadataStore s = store(g());
        try (var r = openR(s)) {
            try (var w = openW(s)) {
                write(s, ROOT.key(), ONE);
            }
            assertThat(s.mode()).isEqualTo(AccessMode.READ);
            assertThat(readRows(s, ROOT.key())).hasSize(1);
        }
    }

    @Test
    void nestedReadInsideWriteIsReadOnlyAndWriteAgainAfter() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            try (var r = openR(s)) {
                assertThat(s.mode()).isEqualTo(AccessMode.READ);
                assertThatThrownBy(() -> write(s, ROOT.key(), ONE))
                    .isInstanceOf(StoreNotOpenException.class).hasMessageContaining("open in read mode");
            }
            assertThat(s.mode()).isEqualTo(AccessMode.WRITE);
            write(s, ROOT.key(), ONE);
            assertThat(readRows(s, ROOT.key())).hasSize(1);
        }
    }

    @Test
    void threeLevelNestingUnwindsInOrder() {
        MetadataStore s = store(g());
        s.open(AccessMode.WRITE);
        s.open(AccessMode.READ);
        s.open(AccessMode.WRITE);
        assertThat(s.mode()).isEqualTo(AccessMode.WRITE);
        s.close();
        assertThat(s.mode()).isEqualTo(AccessMode.READ);
        assertThat(s.isOpen()).isTrue();
        s.close();
        assertThat(s.mode()).isEqualTo(AccessMode.WRITE);
        assertThat(s.isOpen()).isTrue();
        s.close();
        assertThat(s.isOpen()).isFalse();
    }

    @Test
    void anExceptionInsideANestedBlockStillUnwindsTheStack() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            try (var r = openR(s)) {
                throw new IllegalStateException("boom");
            } catch (IllegalStateException expected) {
                assertThat(expected).hasMessage("boom");
            }
            assertThat(s.mode()).isEqualTo(AccessMode.WRITE);
        }
        assertThat(s.isOpen()).isFalse();
    }

    @Test
    void storeCanBeReopenedManyTimesAndKeepsItsData() {
        MetadataStore s = store(g());
        for (int i = 0; i < 3; i++) {
            try (var w = openW(s)) {
                write(s, ROOT.key(), List.of(sample("s" + i, "h" + i)));
            }
        }
        try (var r = openR(s)) {
            assertThat(valueSet(readRows(s, ROOT.key()), UID)).containsExactlyInAnyOrder("s0", "s1", "s2");
        }
    }

    @Test
    void dataPersistsAcrossStoreInstancesOnTheSameDirectory() {
        MetadataStore first = store(g());
        try (var w = openW(first)) {
            write(first, ROOT.key(), ONE);
        }
        MetadataStore second = store(g());
        try (var r = openR(second)) {
            assertThat(valueSet(readRows(second, ROOT.key()), UID)).containsExactly("s1");
        }
    }

    @Test
    void readOnAClosedStoreRaisesStoreNotOpen() {
        MetadataStore s = store(g());
        assertThatThrownBy(() -> s.read(ROOT.key()))
            .isInstanceOf(StoreNotOpenException.class).hasMessageContaining("must be opened before use");
    }

    @Test
    void writeOnAClosedStoreRaisesStoreNotOpenAndWritesNothing() {
        MetadataStore s = store(g());
        assertThatThrownBy(() -> write(s, ROOT.key(), ONE))
            .isInstanceOf(StoreNotOpenException.class).hasMessageContaining("must be opened before use");
        try (var r = openR(s)) {
            assertThat(s.hasFeature(ROOT.key())).isFalse();
        }
    }

    @Test
    void hasFeatureOnAClosedStoreRaisesStoreNotOpen() {
        MetadataStore s = store(g());
        assertThatThrownBy(() -> s.hasFeature(ROOT.key()))
            .isInstanceOf(StoreNotOpenException.class).hasMessageContaining("must be opened before use");
    }

    @Test
    void resolveUpdateDeleteAndDropOnAClosedStoreRaiseStoreNotOpen() {
        MetadataStore s = store(g());
        assertThatThrownBy(() -> s.resolveUpdate(CHILD.key()))
            .isInstanceOf(StoreNotOpenException.class).hasMessageContaining("must be opened before use");
        assertThatThrownBy(() -> s.delete(ROOT.key(), null, DeleteOptions.soft()))
            .isInstanceOf(StoreNotOpenException.class).hasMessageContaining("must be opened before use");
        assertThatThrownBy(() -> s.dropFeatureMetadata(ROOT.key()))
            .isInstanceOf(StoreNotOpenException.class).hasMessageContaining("must be opened before use");
        assertThatThrownBy(s::listFeatures)
            .isInstanceOf(StoreNotOpenException.class).hasMessageContaining("must be opened before use");
    }

    @Test
    void writesInReadModeRaiseStoreNotOpenAndWriteNothing() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            write(s, ROOT.key(), ONE);
        }
        try (var r = openR(s); Frame more = frame(List.of(sample("s9", "h9")))) {
            assertThatThrownBy(() -> s.write(ROOT.key(), more))
                .isInstanceOf(StoreNotOpenException.class).hasMessageContaining("is open in read mode");
            assertThatThrownBy(() -> s.writeMulti(Map.of(ROOT.key(), more), WriteOptions.defaults()))
                .isInstanceOf(StoreNotOpenException.class).hasMessageContaining("is open in read mode");
            assertThatThrownBy(() -> s.delete(ROOT.key(), Expressions.equal(UID, "s1"), DeleteOptions.soft()))
                .isInstanceOf(StoreNotOpenException.class).hasMessageContaining("is open in read mode");
            assertThatThrownBy(() -> s.delete(ROOT.key(), Expressions.equal(UID, "s1"), DeleteOptions.hard()))
                .isInstanceOf(StoreNotOpenException.class).hasMessageContaining("is open in read mode");
            assertThatThrownBy(() -> s.dropFeatureMetadata(ROOT.key()))
                .isInstanceOf(StoreNotOpenException.class).hasMessageContaining("is open in read mode");
            assertThat(rawCount(s, ROOT.key())).isEqualTo(1);
            assertThat(readRows(s, ROOT.key())).hasSize(1);
        }
    }

    @Test
    void readAndResolveUpdateWorkInReadMode() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            writeRoot(s, ROOT.key(), ONE);
        }
        try (var r = openR(s); var inc = s.resolveUpdate(CHILD.key())) {
            assertThat(readRows(s, ROOT.key())).hasSize(1);
            assertThat(inc.newSamples().rowCount()).isEqualTo(1);
            try (var root = frame(ONE); var rootInc = s.resolveUpdate(ROOT.key(), ResolveOptions.defaults().samples(root))) {
                assertThat(rootInc.isEmpty()).isTrue();
            }
        }
    }

    @Test
    void theStoreReportsTheConfiguredHashAlgorithm() {
        for (HashAlgorithm a : supportedHashAlgorithms()) {
            MetadataStore s = store(g(), settings().withHashAlgorithm(a).withDirectory(dir("algo-" + a.configName())));
            assertThat(s.hashAlgorithm()).isEqualTo(a);
            try (var w = openW(s)) {
                assertThat(s.isOpen()).isTrue();
            }
        }
    }

    @Test
    void theStoreDefaultHashAlgorithmIsUsedWhenNoneIsConfigured() {
        assumeTrue(expectedDefaultHashAlgorithm().isPresent(), "the store documents no default algorithm");
        MetadataStore s = store(g(), settings().withStoreDefaultHashAlgorithm());
        assertThat(s.hashAlgorithm()).isEqualTo(expectedDefaultHashAlgorithm().get());
    }

    @Test
    void anUnsupportedHashAlgorithmIsRejectedAtOpen() {
        assumeTrue(unsupportedHashAlgorithm().isPresent(), "the store supports every algorithm");
        HashAlgorithm bad = unsupportedHashAlgorithm().get();
        assertThatThrownBy(() -> {
            MetadataStore s = store(g(), settings().withHashAlgorithm(bad));
            s.open(AccessMode.WRITE);
        }).isInstanceOf(HashAlgorithmNotSupportedException.class)
            .hasMessageContaining("Hash algorithm '" + bad.configName() + "'").hasMessageContaining("not supported");
    }

    @Test
    void displayNamesTheStoreAndIsUsedByToString() {
        MetadataStore s = store(g());
        assertThat(s.display()).isNotBlank().doesNotStartWith("[");
        assertThat(s.display()).as("display names the store class").containsIgnoringCase(s.getClass().getSimpleName());
        assertThat(s.toString()).contains(s.display());
        try (var r = openR(s)) {
            assertThat(s.display()).isNotBlank();
        }
    }
}
