package dev.metaxy.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.SystemColumns;
import dev.metaxy.expr.Expression;
import dev.metaxy.expr.Expressions;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.store.DeleteOptions;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.ReadOptions;
import dev.metaxy.store.StoreNotOpenException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Soft and hard deletes, restores and drop (§5, §15 items 34–35). */
public abstract class DeleteContract extends StoreContract {
    private static final FeatureSpec ITEMS = rootSpec("del/items");

    private FeatureGraph g() {
        return graph(ITEMS);
    }

    private static Map<String, Object> item(String uid, long value, Object... more) {
        Map<String, Object> r = row(UID, uid, "value", value, PBF, byField("default", "h-" + uid + "-" + value));
        r.putAll(row(more));
        return r;
    }

    private static ReadOptions withDeleted() {
        return ReadOptions.defaults().includeSoftDeleted();
    }

    @Test
    void softDeletedRowsAreHiddenFromReadAndVisibleWithIncludeSoftDeleted() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            write(s, ITEMS.key(), List.of(item("a", 1), item("b", 2), item("c", 3)));
            long n = s.delete(ITEMS.key(), Expressions.equal(UID, "a"), DeleteOptions.soft());
            assertThat(n).isEqualTo(1);
            assertThat(valueSet(readRows(s, ITEMS.key()), UID)).containsExactly("b", "c");
            List<Map<String, Object>> all = readRows(s, ITEMS.key(), withDeleted());
            assertThat(valueSet(all, UID)).containsExactly("a", "b", "c");
            assertThat(rowWith(all, UID, "a").get(SystemColumns.DELETED_AT)).isNotNull();
            assertThat(rowWith(all, UID, "b").get(SystemColumns.DELETED_AT)).isNull();
            assertThat(rawCount(s, ITEMS.key())).as("soft delete appends a tombstone").isEqualTo(4);
        }
    }

    @Test
    void tombstonesKeepCreatedAtAndUpdatedAtAndAreDeletedAfterThem() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            write(s, ITEMS.key(), List.of(item("a", 1)));
            Map<String, Object> original = readRows(s, ITEMS.key()).get(0);
            pause();
            s.delete(ITEMS.key(), Expressions.equal(UID, "a"), DeleteOptions.soft());
            Map<String, Object> tomb = readRows(s, ITEMS.key(), withDeleted()).get(0);
            Instant deleted = instant(tomb.get(SystemColumns.DELETED_AT));
            assertThat(instant(tomb.get(SystemColumns.UPDATED_AT))).isEqualTo(instant(original.get(SystemColumns.UPDATED_AT)));
            assertThat(instant(tomb.get(SystemColumns.CREATED_AT))).isEqualTo(instant(original.get(SystemColumns.CREATED_AT)));
            assertThat(deleted).isAfter(instant(original.get(SystemColumns.UPDATED_AT)));
            assertThat(tomb.get(SystemColumns.FEATURE_VERSION)).isEqualTo(s.graph().versions().featureVersion(ITEMS.key()));
            assertThat(norm(tomb.get("value"))).isEqualTo(1L);
            List<Map<String, Object>> raw = readRows(s, ITEMS.key(), everything());
            assertThat(raw).hasSize(2);
        }
    }

    @Test
    void aWriteAfterASoftDeleteRestoresTheSample() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            write(s, ITEMS.key(), List.of(item("a", 1)));
            pause();
            s.delete(ITEMS.key(), Expressions.equal(UID, "a"), DeleteOptions.soft());
            pause();
            write(s, ITEMS.key(), List.of(item("a", 2)));
            List<Map<String, Object>> rows = readRows(s, ITEMS.key());
            assertThat(rows).singleElement().satisfies(r -> {
                assertThat(norm(r.get("value"))).isEqualTo(2L);
                assertThat(r.get(SystemColumns.DELETED_AT)).isNull();
            });
            List<Map<String, Object>> history = readRows(s, ITEMS.key(), ReadOptions.defaults().withSampleHistory().includeSoftDeleted());
            assertThat(history).hasSize(3);
            assertThat(history).filteredOn(r -> r.get(SystemColumns.DELETED_AT) != null).hasSize(1);
        }
    }

    @Test
    void writeDeleteWriteDeleteLeavesNoLiveRowsAndTheLatestTombstone() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            write(s, ITEMS.key(), List.of(item("y", 100)));
            pause();
            s.delete(ITEMS.key(), Expressions.equal(UID, "y"), DeleteOptions.soft());
            pause();
            write(s, ITEMS.key(), List.of(item("y", 200)));
            pause();
            s.delete(ITEMS.key(), Expressions.equal(UID, "y"), DeleteOptions.soft());
            assertThat(readRows(s, ITEMS.key())).isEmpty();
            assertThat(readRows(s, ITEMS.key(), withDeleted())).singleElement().satisfies(r -> {
                assertThat(norm(r.get("value"))).isEqualTo(200L);
                assertThat(r.get(SystemColumns.DELETED_AT)).isNotNull();
            });
        }
    }

    @Test
    void userWrittenDeletionMarkersAreKeptAndANewerWriteWins() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            write(s, ITEMS.key(), List.of(item("a", 1, SystemColumns.DELETED_AT, Instant.parse("2024-01-01T00:00:00Z"))));
            assertThat(readRows(s, ITEMS.key())).as("a row written with deleted_at is a tombstone").isEmpty();
            pause();
            write(s, ITEMS.key(), List.of(item("a", 2)));
            assertThat(readRows(s, ITEMS.key(), withDeleted())).singleElement()
                .satisfies(r -> assertThat(norm(r.get("value"))).isEqualTo(2L));
        }
    }

    @Test
    void softDeletingAnOlderRowWithSampleHistoryHidesTheWholeSample() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            write(s, ITEMS.key(), List.of(item("a", 1)));
            pause();
            write(s, ITEMS.key(), List.of(item("a", 2)));
            s.delete(ITEMS.key(), Expressions.equal("value", 1L), DeleteOptions.soft().withSampleHistory());
            assertThat(readRows(s, ITEMS.key())).as("reference quirk: the tombstone of the old row is the newest row").isEmpty();
        }
    }

    @Test
    void hardDeleteRemovesRowsPhysically() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            write(s, ITEMS.key(), List.of(item("a", 1), item("b", 2), item("c", 3)));
            pause();
            write(s, ITEMS.key(), List.of(item("a", 10)));
            s.delete(ITEMS.key(), Expressions.equal(UID, "a"), DeleteOptions.hard());
            assertThat(valueSet(readRows(s, ITEMS.key(), withDeleted()), UID)).containsExactly("b", "c");
            assertThat(rawCount(s, ITEMS.key())).as("all history of the sample is removed").isEqualTo(2);
        }
    }

    @Test
    void hardDeletingAnOldRowLeavesTheLatest() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            write(s, ITEMS.key(), List.of(item("a", 1)));
            pause();
            write(s, ITEMS.key(), List.of(item("a", 2)));
            s.delete(ITEMS.key(), Expressions.equal("value", 1L), DeleteOptions.hard());
            assertThat(readRows(s, ITEMS.key())).singleElement().satisfies(r -> assertThat(norm(r.get("value"))).isEqualTo(2L));
            assertThat(rawCount(s, ITEMS.key())).isEqualTo(1);
        }
    }

    @Test
    void aWriteAfterAHardDeleteRestoresTheSample() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            write(s, ITEMS.key(), List.of(item("a", 1)));
            s.delete(ITEMS.key(), Expressions.equal(UID, "a"), DeleteOptions.hard());
            assertThat(readRows(s, ITEMS.key())).isEmpty();
            write(s, ITEMS.key(), List.of(item("a", 3)));
            assertThat(readRows(s, ITEMS.key())).singleElement().satisfies(r -> assertThat(norm(r.get("value"))).isEqualTo(3L));
        }
    }

    @Test
    void hardDeleteIsScopedToTheCurrentFeatureVersionUnlessHistoryIsRequested() {
        FeatureSpec v1 = FeatureSpec.builder("del/items").idColumns(UID).field("default", "1").build();
        FeatureSpec v2 = FeatureSpec.builder("del/items").idColumns(UID).field("default", "2").build();
        var dir = dir("versions");
        MetadataStore old = store(graph(v1), settings().withDirectory(dir));
        try (var w = openW(old)) {
            write(old, v1.key(), List.of(item("a", 1)));
        }
        MetadataStore cur = store(graph(v2), settings().withDirectory(dir));
        try (var w = openW(cur)) {
            write(cur, v2.key(), List.of(item("a", 2)));
            cur.delete(v2.key(), Expressions.equal(UID, "a"), DeleteOptions.hard());
            assertThat(rawCount(cur, v2.key())).as("the old version's row survives").isEqualTo(1);
            cur.delete(v2.key(), Expressions.equal(UID, "a"), DeleteOptions.hard().withFeatureHistory());
            assertThat(rawCount(cur, v2.key())).isZero();
        }
    }

    @Test
    void deleteWithoutFilterDeletesEverything() {
        for (boolean soft : List.of(true, false)) {
            MetadataStore s = store(g(), settings().withDirectory(dir("all-" + soft)));
            try (var w = openW(s)) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    rows.add(item("s" + i, i));
                }
                write(s, ITEMS.key(), rows);
                s.delete(ITEMS.key(), null, soft ? DeleteOptions.soft() : DeleteOptions.hard());
                assertThat(readRows(s, ITEMS.key())).as("soft=%s", soft).isEmpty();
                assertThat(readRows(s, ITEMS.key(), withDeleted())).as("soft=%s", soft).hasSize(soft ? 10 : 0);
            }
        }
    }

    @Test
    void hardDeleteOnATimestampFilterRemovesMatchingRows() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                rows.add(item("s" + i, i, "ts_tz", Instant.parse(String.format("2024-01-%02dT00:00:00Z", i))));
            }
            write(s, ITEMS.key(), rows);
            s.delete(ITEMS.key(), Expressions.parse("ts_tz > '2024-01-05 00:00:00+00:00'"), DeleteOptions.hard());
            assertThat(values(readRows(s, ITEMS.key()), "value")).containsExactly(1L, 2L, 3L, 4L, 5L);
        }
    }

    static List<Arguments> predicateCases() {
        List<Arguments> out = new ArrayList<>();
        Map<String, Object[]> cases = new LinkedHashMap<>();
        cases.put("basic", new Object[]{Expressions.equal(UID, "s3"), List.of("s3")});
        cases.put("timestamp_tz", new Object[]{Expressions.parse("ts_tz < '2024-01-03 00:00:00+00:00'"), List.of("s1", "s2")});
        cases.put("timestamp_naive", new Object[]{Expressions.parse("ts_naive >= '2024-01-09 00:00:00'"), List.of("s9", "s10")});
        cases.put("is_in", new Object[]{Expressions.in("status", "pending", "failed"), List.of("s2", "s3", "s5", "s6", "s8", "s9")});
        cases.put("range", new Object[]{Expressions.parse("value < 8 AND value >= 5"), List.of("s5", "s6", "s7")});
        cases.put("eq", new Object[]{Expressions.equal("value", 4L), List.of("s4")});
        cases.put("neq_and_gt", new Object[]{Expressions.parse("status != 'active' AND value > 6"), List.of("s8", "s9")});
        cases.put("or", new Object[]{Expressions.or(Expressions.equal("value", 1L), Expressions.equal("value", 10L)), List.of("s1", "s10")});
        cases.put("combined", new Object[]{Expressions.parse("(status = 'active' OR value > 8) AND NOT value = 10"), List.of("s1", "s4", "s7", "s9")});
        cases.forEach((name, c) -> {
            out.add(Arguments.of(name, c[0], c[1], true));
            out.add(Arguments.of(name, c[0], c[1], false));
        });
        return out;
    }

    @ParameterizedTest(name = "{0} soft={3}")
    @MethodSource("predicateCases")
    void deleteAcceptsEveryPredicateShape(String name, Expression filter, List<String> deleted, boolean soft) {
        MetadataStore s = store(g());
        String[] statuses = {"active", "pending", "failed"};
        try (var w = openW(s)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                rows.add(item("s" + i, i, "status", statuses[(i - 1) % 3],
                    "ts_tz", Instant.parse(String.format("2024-01-%02dT00:00:00Z", i)),
                    "ts_naive", java.time.LocalDateTime.parse(String.format("2024-01-%02dT00:00:00", i))));
            }
            write(s, ITEMS.key(), rows);
            s.delete(ITEMS.key(), filter, soft ? DeleteOptions.soft() : DeleteOptions.hard());
            List<String> expectedLive = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                if (!deleted.contains("s" + i)) {
                    expectedLive.add("s" + i);
                }
            }
            assertThat(valueSet(readRows(s, ITEMS.key()), UID)).as(name).containsExactlyInAnyOrderElementsOf(expectedLive);
            assertThat(rawCount(s, ITEMS.key())).isEqualTo(soft ? 10 + deleted.size() : 10 - deleted.size());
        }
    }

    @Test
    void deleteInReadModeFailsAndDeletesNothing() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            write(s, ITEMS.key(), List.of(item("a", 1)));
        }
        try (var r = openR(s)) {
            assertThatThrownBy(() -> s.delete(ITEMS.key(), null, DeleteOptions.soft()))
                .isInstanceOf(StoreNotOpenException.class).hasMessageContaining("open in read mode");
            assertThatThrownBy(() -> s.delete(ITEMS.key(), null, DeleteOptions.hard().withFeatureHistory()))
                .isInstanceOf(StoreNotOpenException.class).hasMessageContaining("open in read mode");
            assertThat(rawCount(s, ITEMS.key())).isEqualTo(1);
        }
    }

    @Test
    void dropFeatureMetadataRemovesTheTable() {
        FeatureSpec other = rootSpec("del/other");
        MetadataStore s = store(graph(ITEMS, other));
        try (var w = openW(s)) {
            write(s, ITEMS.key(), List.of(item("a", 1)));
            write(s, other.key(), List.of(item("b", 1)));
            s.dropFeatureMetadata(ITEMS.key());
            if (dropKeepsEmptyTable()) {
                assertThat(s.hasFeature(ITEMS.key())).isTrue();
                assertThat(readRows(s, ITEMS.key())).isEmpty();
            } else {
                assertThat(s.hasFeature(ITEMS.key())).isFalse();
                assertThat(s.listFeatures()).doesNotContain(ITEMS.key());
            }
            assertThat(s.hasFeature(other.key())).isTrue();
            s.dropFeatureMetadata(ITEMS.key()); // dropping a missing table is a no-op
            write(s, ITEMS.key(), List.of(item("c", 1)));
            assertThat(valueSet(readRows(s, ITEMS.key()), UID)).containsExactly("c");
        }
    }

    @Test
    void hardDeleteOfEverythingInAMissingTableFails() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            assertThatThrownBy(() -> s.delete(ITEMS.key(), null, DeleteOptions.hard().withFeatureHistory()))
                .isInstanceOf(dev.metaxy.store.MetadataStoreException.class)
                .hasMessageContaining("does not exist");
            assertThat(s.hasFeature(ITEMS.key())).isFalse();
        }
    }
}
