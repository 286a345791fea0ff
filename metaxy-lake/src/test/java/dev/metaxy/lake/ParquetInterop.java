package dev.metaxy.lake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metaxy.expr.Expressions;
import dev.metaxy.frame.Frame;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.DeleteOptions;
import dev.metaxy.store.Increment;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.ReadOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.duckdb.DuckDBStruct;

/**
 * Reads a table's live Parquet files (as listed by the table format's own API) with plain DuckDB
 * {@code read_parquet}, independently of the store, and checks them against what the store returns: the same
 * columns, the same raw rows (every version, tombstones included) with the same hashes, and, after applying the
 * read semantics in SQL (latest row per sample by {@code coalesce(metaxy_deleted_at, metaxy_updated_at)}, tombstones
 * dropped), the same current rows.
 */
public final class ParquetInterop {
    private ParquetInterop() {
    }

    /** What DuckDB saw in the files. */
    public record Seen(List<Map<String, String>> rawRows, List<Map<String, String>> currentRows) {
    }

    /** Checks the feature's live {@code files} against the open {@code store}; {@code idColumn} is its one ID column. */
    public static Seen check(MetadataStore store, String feature, String idColumn, List<Path> files) throws SQLException {
        assertThat(files).as("live files of %s", feature).isNotEmpty().allSatisfy(f -> assertThat(f).isRegularFile());
        List<String> lits = new ArrayList<>();
        files.forEach(f -> lits.add(DuckDbParquet.literal(f.toString())));
        String source = "read_parquet([" + String.join(", ", lits) + "], union_by_name = true)";
        String current = "SELECT * EXCLUDE (rn) FROM (SELECT *, row_number() OVER (PARTITION BY " + DuckDbParquet.ident(idColumn)
            + " ORDER BY coalesce(metaxy_deleted_at, metaxy_updated_at) DESC NULLS LAST) AS rn FROM " + source
            + ") WHERE rn = 1 AND metaxy_deleted_at IS NULL";
        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:")) {
            List<Map<String, String>> raw = query(conn, "SELECT * FROM " + source);
            List<Map<String, String>> live = query(conn, current);
            ReadOptions everything = ReadOptions.defaults().withFeatureHistory().withSampleHistory().includeSoftDeleted()
                .allowFallback(false);
            try (Frame all = store.read(feature, everything).collect();
                 Frame latest = store.read(feature, ReadOptions.defaults().allowFallback(false)).collect()) {
                assertThat(columns(raw)).as("columns of %s in the files", feature).isEqualTo(new java.util.TreeSet<>(all.columnNames()));
                assertThat(multiset(raw)).as("raw rows of %s: files vs store", feature).isEqualTo(multiset(canonical(all.toRows())));
                assertThat(multiset(live)).as("current rows of %s: files (merge-on-read in SQL) vs store", feature)
                    .isEqualTo(multiset(canonical(latest.toRows())));
            }
            return new Seen(raw, live);
        }
    }

    private static java.util.SortedSet<String> columns(List<Map<String, String>> rows) {
        return rows.isEmpty() ? new java.util.TreeSet<>() : new java.util.TreeSet<>(rows.get(0).keySet());
    }

    private static List<Map<String, String>> query(Connection conn, String sql) throws SQLException {
        List<Map<String, String>> out = new ArrayList<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Map<String, String> row = new TreeMap<>();
                for (int i = 1; i <= n; i++) {
                    row.put(rs.getMetaData().getColumnName(i), text(rs.getObject(i)));
                }
                out.add(row);
            }
        }
        return out;
    }

    private static List<Map<String, String>> canonical(List<Map<String, Object>> rows) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Map<String, String> c = new TreeMap<>();
            r.forEach((k, v) -> c.put(k, text(v)));
            out.add(c);
        }
        return out;
    }

    private static Map<Map<String, String>, Integer> multiset(List<Map<String, String>> rows) {
        Map<Map<String, String>, Integer> m = new HashMap<>();
        rows.forEach(r -> m.merge(r, 1, Integer::sum));
        return m;
    }

    /** One comparable text per value: integers as longs, timestamps as UTC epoch microseconds, structs as sorted maps. */
    static String text(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return Long.toString(((Number) v).longValue());
        }
        Instant t = null;
        if (v instanceof OffsetDateTime o) {
            t = o.toInstant();
        } else if (v instanceof ZonedDateTime z) {
            t = z.toInstant();
        } else if (v instanceof LocalDateTime l) {
            t = l.toInstant(ZoneOffset.UTC);
        } else if (v instanceof Instant i) {
            t = i;
        } else if (v instanceof java.sql.Timestamp ts) {
            t = ts.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (t != null) {
            return "t" + ChronoUnit.MICROS.between(Instant.EPOCH, t);
        }
        Map<?, ?> map = null;
        try {
            if (v instanceof DuckDBStruct s) {
                map = s.getMap();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        if (v instanceof Map<?, ?> m) {
            map = m;
        }
        if (map != null) {
            Map<String, String> sorted = new TreeMap<>();
            map.forEach((k, x) -> sorted.put(String.valueOf(k), text(x)));
            return sorted.toString();
        }
        return v.toString();
    }

    /**
     * Writes {@link LakeScenario}'s features through {@code store} (appends, a soft delete, a hard delete, a second
     * append that changes and adds samples, a downstream update) and after each step checks the live files that
     * {@code liveFiles} lists for a feature key (through the table format's own API) with {@link #check}.
     */
    public static void runScenario(MetadataStore store, Function<String, List<Path>> liveFiles) throws SQLException {
        String raw = LakeScenario.VIDEO.key().toString();
        String faces = LakeScenario.FACES.key().toString();
        try (MetadataStore s = store.open(AccessMode.WRITE)) {
            s.write(raw, List.of(sample(1, "a", "f"), sample(2, "a", "f"), sample(3, "a", "f"), sample(4, "a", "f"), sample(5, "a", "f")));
            updateDownstream(s, faces);
            Seen seen = check(s, raw, UID, liveFiles.apply(raw));
            assertThat(seen.rawRows()).hasSize(5);
            assertThat(check(s, faces, UID, liveFiles.apply(faces)).currentRows()).hasSize(5);

            assertThat(s.delete(raw, Expressions.in(UID, 4L, 5L), DeleteOptions.soft())).isEqualTo(2);
            seen = check(s, raw, UID, liveFiles.apply(raw));
            assertThat(seen.rawRows()).as("soft deletes append tombstones").hasSize(7);
            assertThat(where(seen.rawRows(), UID, 4L)).extracting(r -> r.get("metaxy_deleted_at").equals("null"))
                .containsExactlyInAnyOrder(true, false);
            assertThat(seen.currentRows()).hasSize(3);

            List<Path> beforeHardDelete = liveFiles.apply(raw);
            assertThat(s.delete(raw, Expressions.in(UID, 1L), DeleteOptions.hard())).isEqualTo(1);
            List<Path> afterHardDelete = liveFiles.apply(raw);
            seen = check(s, raw, UID, afterHardDelete);
            assertThat(where(seen.rawRows(), UID, 1L)).as("a hard delete rewrites the file without the row").isEmpty();
            assertThat(seen.rawRows()).hasSize(6);
            assertThat(afterHardDelete).as("copy-on-write replaces the file that held the row").isNotEqualTo(beforeHardDelete);
            assertThat(seen.currentRows()).hasSize(2);

            s.write(raw, List.of(sample(2, "a", "g"), sample(3, "b", "f"), sample(6, "a", "f"), sample(7, "a", "f")));
            seen = check(s, raw, UID, liveFiles.apply(raw));
            assertThat(seen.rawRows()).hasSize(10);
            assertThat(where(seen.currentRows(), UID, 2L)).singleElement().satisfies(r ->
                assertThat(r.get("metaxy_provenance_by_field")).contains("frames=g2"));
            assertThat(seen.currentRows()).extracting(r -> r.get(UID)).containsExactlyInAnyOrder("2", "3", "6", "7");
            try (Increment inc = s.resolveUpdate(faces)) {
                // only the frames change of sample 2 reaches the faces field; samples 6 and 7 are new, 1, 4 and 5 gone
                assertThat(inc.stale().rowCount()).isEqualTo(1);
                assertThat(inc.newSamples().rowCount()).isEqualTo(2);
                assertThat(inc.orphaned().rowCount()).isEqualTo(3);
            }
            updateDownstream(s, faces);
            seen = check(s, faces, UID, liveFiles.apply(faces));
            assertThat(seen.rawRows()).hasSize(8);
            assertThat(seen.currentRows()).hasSize(7);
        }
    }

    private static final String UID = "sample_uid";

    private static Map<String, Object> sample(long uid, String audio, String frames) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put(UID, uid);
        r.put("path", "clip-" + uid + ".mp4");
        r.put("metaxy_provenance_by_field", Map.of("audio", audio + uid, "frames", frames + uid));
        return r;
    }

    private static void updateDownstream(MetadataStore s, String feature) {
        try (Increment inc = s.resolveUpdate(feature)) {
            if (inc.newSamples().rowCount() > 0) {
                s.write(feature, inc.newSamples());
            }
            if (inc.stale().rowCount() > 0) {
                s.write(feature, inc.stale());
            }
        }
    }

    /** Rows of {@code rows} whose {@code column} text equals {@code value}. */
    public static List<Map<String, String>> where(List<Map<String, String>> rows, String column, Object value) {
        List<Map<String, String>> out = new ArrayList<>();
        rows.forEach(r -> {
            if (r.get(column).equals(text(value))) {
                out.add(new LinkedHashMap<>(r));
            }
        });
        return out;
    }
}
