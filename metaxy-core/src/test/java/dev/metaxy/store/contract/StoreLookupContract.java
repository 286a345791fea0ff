package dev.metaxy.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.frame.Frame;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.store.FeatureNotInStoreException;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.ReadOptions;
import dev.metaxy.store.StoreMetadata;
import dev.metaxy.store.StoreNotOpenException;
import dev.metaxy.store.StoreRead;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/**
 * Which store holds a feature: {@code readWithStoreInfo}, {@code findStoreForFeature}, {@code storeMetadata} and
 * {@code readFeatureSchemaFromStore} over a dev → staging → prod fallback chain (metadata-store.md §3, §7).
 */
public abstract class StoreLookupContract extends StoreContract {
    private static final FeatureSpec PARENT = rootSpec("lookup/parent", "value");
    private static final FeatureSpec CHILD = childSpec("lookup/child", PARENT, "derived");
    /** The store-specific location keys of the reference: SQL table name, Delta URI, Iceberg identifier. */
    private static final Set<String> LOCATION_KEYS = Set.of("table_name", "uri", "identifier");

    private FeatureGraph g() {
        return graph(PARENT, CHILD);
    }

    private static Map<String, Object> parentRow(String uid, String value) {
        return row(UID, uid, PBF, byField("value", value));
    }

    /** prod (has the parent), staging (empty, falls back to prod), dev (falls back to staging); all closed. */
    private List<MetadataStore> chain() {
        MetadataStore prod = store(g(), settings().withDirectory(dir("prod")));
        try (var w = openW(prod)) {
            write(prod, PARENT.key(), List.of(parentRow("s1", "p1"), parentRow("s2", "p2")));
        }
        MetadataStore staging = store(g(), settings().withDirectory(dir("staging")).withFallbackStores(List.of(prod)));
        MetadataStore dev = store(g(), settings().withDirectory(dir("dev")).withFallbackStores(List.of(staging)));
        return List.of(dev, staging, prod);
    }

    @Test
    void readWithStoreInfoNamesTheStoreTheRowsCameFrom() {
        List<MetadataStore> c = chain();
        MetadataStore dev = c.get(0);
        MetadataStore prod = c.get(2);
        try (var w = openW(dev)) {
            StoreRead fromProd = dev.readWithStoreInfo(PARENT.key(), ReadOptions.defaults());
            assertThat(fromProd.store()).as("two levels down the chain").isSameAs(prod);
            try (Frame f = fromProd.frame().collect()) {
                assertThat(valueSet(f.toRows(), UID)).containsExactly("s1", "s2");
            }
            write(dev, PARENT.key(), List.of(parentRow("s3", "p3")));
            StoreRead local = dev.readWithStoreInfo(PARENT.key(), ReadOptions.defaults());
            assertThat(local.store()).isSameAs(dev);
            assertThat(local.frame().count()).isEqualTo(1);
            assertThatThrownBy(() -> dev.readWithStoreInfo(CHILD.key(), ReadOptions.defaults()))
                .isInstanceOf(FeatureNotInStoreException.class).hasMessage("Feature lookup/child not found in store or fallback stores");
        }
    }

    @Test
    void findStoreForFeatureFollowsTheChainOnlyWhenAsked() {
        List<MetadataStore> c = chain();
        MetadataStore dev = c.get(0);
        MetadataStore prod = c.get(2);
        assertThatThrownBy(() -> dev.findStoreForFeature(PARENT.key())).isInstanceOf(StoreNotOpenException.class);
        try (var r = openR(dev)) {
            assertThat(dev.findStoreForFeature(PARENT.key())).containsSame(prod);
            assertThat(prod.isOpen()).as("fallbacks are opened on demand and closed again").isFalse();
            assertThat(dev.findStoreForFeature(PARENT.key(), false)).isEmpty();
            assertThat(dev.findStoreForFeature(CHILD.key())).isEmpty();
            assertThat(dev.fallbackStores()).containsExactly(c.get(1));
        }
    }

    @Test
    void storeMetadataDescribesTheStoreAskedAndWhereTheFeatureWasFound() {
        List<MetadataStore> c = chain();
        MetadataStore dev = c.get(0);
        MetadataStore prod = c.get(2);
        try (var r = openR(dev)) {
            StoreMetadata found = dev.storeMetadata(PARENT.key());
            assertThat(found.display()).isEqualTo(dev.display());
            assertThat(found.resolvedFrom()).isPresent();
            assertThat(found.resolvedFrom().get().display()).isEqualTo(prod.display());
            assertThat(found.resolvedFrom().get().type()).isEqualTo(prod.getClass().getName());
            assertThat(found.resolvedFrom().get().details()).hasSize(1);
            assertThat(found.resolvedFrom().get().details().keySet()).isSubsetOf(LOCATION_KEYS);
            assertThat(found.toMap()).containsOnlyKeys("name", "display", "resolved_from");
            @SuppressWarnings("unchecked")
            Map<String, Object> resolved = (Map<String, Object>) found.toMap().get("resolved_from");
            assertThat(resolved).containsKeys("name", "type", "display");

            StoreMetadata local = dev.storeMetadata(PARENT.key(), false);
            assertThat(local.resolvedFrom()).isEmpty();
            assertThat(local.toMap()).containsOnlyKeys("name", "display");
        }
    }

    @Test
    void readFeatureSchemaFromStoreIsTheSchemaOfALocalReadAndIgnoresFallbacks() {
        List<MetadataStore> c = chain();
        MetadataStore dev = c.get(0);
        MetadataStore prod = c.get(2);
        try (var r = openR(prod)) {
            Schema schema = prod.readFeatureSchemaFromStore(PARENT.key());
            try (Frame rows = prod.read(PARENT.key()).collect()) {
                assertThat(schema.getFields()).isEqualTo(rows.schema().getFields());
            }
        }
        try (var r = openR(dev)) {
            assertThatThrownBy(() -> dev.readFeatureSchemaFromStore(PARENT.key()))
                .isInstanceOf(FeatureNotInStoreException.class).hasMessage("Feature lookup/parent not found in store");
        }
    }
}
