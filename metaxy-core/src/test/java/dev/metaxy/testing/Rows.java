package dev.metaxy.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Dialect-independent comparison of result rows (maps from column to value). */
public final class Rows {
    private Rows() {
    }

    /**
     * {@code rows} projected on {@code columns} as sorted strings, with maps key-sorted and numbers printed, so that
     * two results compare equal exactly when they are the same multiset whatever their row order and value classes.
     */
    public static List<String> canonical(List<Map<String, Object>> rows, List<String> columns) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Map<String, Object> projected = new TreeMap<>();
            for (String c : columns) {
                Object v = r.get(c);
                projected.put(c, v instanceof Map<?, ?> m ? new TreeMap<>(m).toString() : v == null ? null : v.toString());
            }
            out.add(projected.toString());
        }
        out.sort(null);
        return out;
    }

    /** Every column of {@code rows}, in order of first appearance. */
    public static List<String> columns(List<Map<String, Object>> rows) {
        List<String> columns = new ArrayList<>();
        rows.forEach(r -> r.keySet().forEach(c -> {
            if (!columns.contains(c)) {
                columns.add(c);
            }
        }));
        return columns;
    }
}
