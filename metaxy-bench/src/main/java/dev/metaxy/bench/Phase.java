package dev.metaxy.bench;

import java.util.List;
import java.util.Locale;

/** {@code new}: roots written, leaf empty. {@code stale}: leaf materialised, then 10% of the root rows changed. */
public enum Phase {
    NEW, STALE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code new}, {@code stale} or {@code both}. */
    public static List<Phase> parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "new" -> List.of(NEW);
            case "stale" -> List.of(STALE);
            case "both" -> List.of(NEW, STALE);
            default -> throw new IllegalArgumentException("Unknown phase '" + s + "' (new, stale or both)");
        };
    }
}
