package dev.metaxy.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.SystemColumns;
import dev.metaxy.expr.Expressions;
import dev.metaxy.frame.Frame;
import dev.metaxy.frame.FrameSchemas;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.store.FeatureNotInStoreException;
import dev.metaxy.store.LazyFrame;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.ReadOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/** read: merge-on-read de-duplication, filters, columns, version scope, not-found errors (§3, §15 items 13–17). */
public abstract class ReadContract extends StoreContract {
    private static final FeatureSpec ITEMS = FeatureSpec.builder("read/items").idColumns("id").build();
    private static final FeatureSpec CHUNKS = FeatureSpec.builder("read/chunks").idColumns("chunk_id").build();

    private FeatureGraph g() {
        return graph(ITEMS, CHUNKS);
    }

    private static Schema statusSchema() {
        return new Schema(List.of(FrameSchemas.field("id", FrameSchemas.UTF8), FrameSchemas.field("status", FrameSchemas.INT64),
            FrameSchemas.struct(PBF, List.of(FrameSchemas.field("default", FrameSchemas.UTF8)))));
    }

    @Test
    void readFiltersAreAppliedAfterDeduplication() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            List<Map<String, Object>> initial = new ArrayList<>();
            for (String id : List.of("a", "b", "c", "d", "e")) {
                initial.add(row("id", id, "status", null, PBF, byField("default", "hash-" + id)));
            }
            try (Frame f = Frame.fromRows(statusSchema(), initial)) {
                s.write(ITEMS.key(), f);
            }
            pause();
            List<Map<String, Object>> updated = List.of(
                row("id", "a", "status", 100L, PBF, byField("default", "hash-a2")),
                row("id", "b", "status", 200L, PBF, byField("default", "hash-b2")),
                row("id", "c", "status", 300L, PBF, byField("default", "hash-c2")));
            try (Frame f = Frame.fromRows(statusSchema(), updated)) {
                s.write(ITEMS.key(), f);
            }
            assertThat(s.read(ITEMS.key()).count()).isEqualTo(5);
            assertThat(valueSet(readRows(s, ITEMS.key(), ReadOptions.defaults().filter(Expressions.isNull("status"))), "id"))
                .containsExactly("d", "e");
            assertThat(valueSet(readRows(s, ITEMS.key(), ReadOptions.defaults().filter("status IS NOT NULL")), "id"))
                .containsExactly("a", "b", "c");
        }
    }

    @Test
    void readReturnsTheLatestRowOfEachSample() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            write(s, ITEMS.key(), List.of(row("id", "x", "value", 1L, PBF, byField("default", "x1")),
                row("id", "y", "value", 10L, PBF, byField("default", "y1"))));
            pause();
            write(s, ITEMS.key(), List.of(row("id", "x", "value", 2L, PBF, byField("default", "x2"))));
            pause();
            write(s, ITEMS.key(), List.of(row("id", "y", "value", 20L, PBF, byField("default", "y2")),
                row("id", "z", "value", 100L, PBF, byField("default", "z1"))));
            List<Map<String, Object>> rows = readRows(s, ITEMS.key());
            assertThat(rows).hasSize(3);
            assertThat(norm(rowWith(rows, "id", "x").get("value"))).isEqualTo(2L);
            assertThat(norm(rowWith(rows, "id", "y").get("value"))).isEqualTo(20L);
            assertThat(norm(rowWith(rows, "id", "z").get("value"))).isEqualTo(100L);
            assertThat(readRows(s, ITEMS.key(), ReadOptions.defaults().withSampleHistory())).hasSize(5);
        }
    }

    @Test
    void readOrderedByIdReturnsRowsSortedEveryTimeAndRefusesAnUnknownSortColumn() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            List<String> ids = List.of("m", "c", "x", "a", "q", "b", "z", "k");
            for (String id : ids) {
                write(s, ITEMS.key(), List.of(row("id", id, "value", 1L, PBF, byField("default", "h-" + id))));
            }
            write(s, ITEMS.key(), List.of(row("id", "c", "value", 2L, PBF, byField("default", "h-c2"))));
            List<String> sorted = ids.stream().sorted().toList();
            for (int i = 0; i < 3; i++) {
                List<Object> read = readRows(s, ITEMS.key(), ReadOptions.defaults().orderBy("id")).stream().map(r -> r.get("id")).toList();
                assertThat(read).containsExactlyElementsOf(sorted);
            }
            List<Map<String, Object>> history = readRows(s, ITEMS.key(), ReadOptions.defaults().withSampleHistory().orderBy("id", "value"));
            assertThat(history.stream().map(r -> r.get("id") + ":" + norm(r.get("value"))).toList().subList(0, 4))
                .containsExactly("a:1", "b:1", "c:1", "c:2");
            assertThatThrownBy(() -> s.read(ITEMS.key(), ReadOptions.defaults().orderBy("nope")).collect())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'nope'");
        }
    }

    @Test
    void readWithColumnsReturnsExactlyThoseColumnsWhileFiltersUseOthers() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            write(s, CHUNKS.key(), List.of(
                row("chunk_id", "c1", "height", 100L, PBF, byField("default", "h1")),
                row("chunk_id", "c2", "height", null, PBF, byField("default", "h2")),
                row("chunk_id", "c3", "height", 700L, PBF, byField("default", "h3")),
                row("chunk_id", "c4", "height", null, PBF, byField("default", "h4"))));
            ReadOptions opts = ReadOptions.defaults().columns("chunk_id").filter(Expressions.isNull("height"));
            try (Frame f = s.read(CHUNKS.key(), opts).collect()) {
                assertThat(f.columnNames()).containsExactly("chunk_id");
                assertThat(valueSet(f.toRows(), "chunk_id")).containsExactly("c2", "c4");
            }
            assertThat(readColumns(s, CHUNKS.key(), ReadOptions.defaults().columns("chunk_id", PROV, SystemColumns.UPDATED_AT)))
                .containsExactly("chunk_id", PROV, SystemColumns.UPDATED_AT);
        }
    }

    @Test
    void readWithColumnsWithoutIdColumnsStillDeduplicates() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            write(s, ITEMS.key(), List.of(row("id", "x", "value", 1L, PBF, byField("default", "x1"))));
            pause();
            write(s, ITEMS.key(), List.of(row("id", "x", "value", 2L, PBF, byField("default", "x2"))));
            List<Map<String, Object>> rows = readRows(s, ITEMS.key(), ReadOptions.defaults().columns("value"));
            assertThat(rows).singleElement().satisfies(r -> {
                assertThat(r.keySet()).containsExactly("value");
                assertThat(norm(r.get("value"))).isEqualTo(2L);
            });
        }
    }

    @Test
    void readDefaultsToTheCurrentFeatureVersion() {
        FeatureSpec v1 = FeatureSpec.builder("read/versioned").idColumns(UID).field("default", "1").build();
        FeatureSpec v2 = FeatureSpec.builder("read/versioned").idColumns(UID).field("default", "2").build();
        Path dir = dir("versions");
        MetadataStore old = store(graph(v1), settings().withDirectory(dir));
        String oldVersion = old.graph().versions().featureVersion(v1.key());
        try (var w = openW(old)) {
            write(old, v1.key(), List.of(sample("s1", "h1"), sample("s2", "h2")));
        }
        MetadataStore cur = store(graph(v2), settings().withDirectory(dir));
        String newVersion = cur.graph().versions().featureVersion(v2.key());
        assertThat(newVersion).isNotEqualTo(oldVersion);
        try (var w = openW(cur)) {
            assertThat(readRows(cur, v2.key())).isEmpty();
            write(cur, v2.key(), List.of(sample("s3", "h3")));
            assertThat(valueSet(readRows(cur, v2.key()), UID)).containsExactly("s3");
            assertThat(valueSet(readRows(cur, v2.key(), ReadOptions.defaults().withFeatureHistory()), UID))
                .containsExactly("s1", "s2", "s3");
            List<Map<String, Object>> oldRows = readRows(cur, v2.key(), ReadOptions.defaults().withFeatureHistory().featureVersion(oldVersion));
            assertThat(valueSet(oldRows, UID)).containsExactly("s1", "s2");
            assertThat(valueSet(oldRows, SystemColumns.FEATURE_VERSION)).containsExactly(oldVersion);
        }
    }

    @Test
    void featureVersionWithoutFeatureHistoryIsRejected() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            write(s, ITEMS.key(), List.of(row("id", "x", PBF, byField("default", "x1"))));
            assertThatThrownBy(() -> s.read(ITEMS.key(), ReadOptions.defaults().featureVersion("abc")).collect())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Cannot specify both feature_version and with_feature_history=False");
        }
    }

    @Test
    void readOfAFeatureWithoutTableRaisesFeatureNotFound() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            assertThatThrownBy(() -> s.read(ITEMS.key()).collect())
                .isInstanceOf(FeatureNotInStoreException.class)
                .hasMessageContaining("Feature read/items not found in store")
                .satisfies(e -> assertThat(((FeatureNotInStoreException) e).feature()).isEqualTo(ITEMS.key()));
            assertThatThrownBy(() -> s.read(ITEMS.key(), ReadOptions.defaults().allowFallback(false)).collect())
                .isInstanceOf(FeatureNotInStoreException.class)
                .hasMessage("Feature read/items not found in store");
        }
    }

    @Test
    void anExistingEmptyTableIsAHitNotAnError() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            write(s, ITEMS.key(), List.of(row("id", "x", PBF, byField("default", "x1"))));
            s.delete(ITEMS.key(), null, dev.metaxy.store.DeleteOptions.hard().withFeatureHistory());
            assertThat(s.hasFeature(ITEMS.key())).isTrue();
            assertThat(s.read(ITEMS.key()).count()).isZero();
        }
    }

    @Test
    void readOfAnUnknownFeatureIsRejectedByTheGraph() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            assertThatThrownBy(() -> s.read("not/in_graph").collect()).isInstanceOf(RuntimeException.class)
                .hasMessageContaining("not/in_graph");
        }
    }

    @Test
    void lazyReadsCountCollectStreamAndExportTheSameRows() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                rows.add(row("id", "i" + i, "value", (long) i, PBF, byField("default", "h" + i)));
            }
            write(s, ITEMS.key(), rows);
            LazyFrame lazy = s.read(ITEMS.key(), ReadOptions.defaults().filter("value >= 5"));
            assertThat(lazy.count()).isEqualTo(20);
            assertThat(lazy.query()).isNotBlank();
            long[] streamed = {0};
            lazy.stream(7, batch -> streamed[0] += batch.rowCount());
            assertThat(streamed[0]).isEqualTo(20);
            Path ipc = tempDir.resolve("items.arrow");
            lazy.writeArrowIpc(ipc);
            try (Frame back = Frame.readArrowIpc(ipc); Frame direct = lazy.collect()) {
                assertThat(back.rowCount()).isEqualTo(20);
                assertThat(values(back.toRows(), "value")).isEqualTo(values(direct.toRows(), "value"));
            }
            Path parquet = tempDir.resolve("items.parquet");
            lazy.writeParquet(parquet);
            assertThat(parquet).exists();
        }
    }

    @Test
    void readsAcceptEveryFeatureReferenceForm() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            write(s, ITEMS.key(), List.of(row("id", "x", PBF, byField("default", "x1"))));
            for (Object ref : List.of(ITEMS.key(), "read/items", List.of("read", "items"), ITEMS)) {
                assertThat(s.read(ref).count()).as("read(%s)", ref).isEqualTo(1);
            }
        }
    }

    @Test
    void filtersOnTimestampsAndInListsWork() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            write(s, ITEMS.key(), List.of(
                row("id", "a", "kind", "x", "at", java.time.Instant.parse("2024-01-01T00:00:00Z"), PBF, byField("default", "1")),
                row("id", "b", "kind", "y", "at", java.time.Instant.parse("2024-01-10T00:00:00Z"), PBF, byField("default", "2")),
                row("id", "c", "kind", "z", "at", java.time.Instant.parse("2024-01-20T00:00:00Z"), PBF, byField("default", "3"))));
            assertThat(valueSet(readRows(s, ITEMS.key(), ReadOptions.defaults()
                .filter("at > '2024-01-05 00:00:00+00:00'")), "id"))
                .containsExactly("b", "c");
            assertThat(valueSet(readRows(s, ITEMS.key(), ReadOptions.defaults().filter("kind IN ('x', 'z')")), "id"))
                .containsExactly("a", "c");
            assertThat(valueSet(readRows(s, ITEMS.key(), ReadOptions.defaults().filter("kind != 'x'").filter("id != 'c'")), "id"))
                .containsExactly("b");
        }
    }

    /** Read options every subclass may reuse. */
    protected static ReadOptions latest() {
        return ReadOptions.defaults();
    }

    /** Unused columns of a field list, for subclasses checking schemas. */
    protected static List<String> names(List<Field> fields) {
        return fields.stream().map(Field::getName).toList();
    }
}
