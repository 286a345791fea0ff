package dev.metaxy.definition;

import java.util.List;
import java.util.Optional;

/**
 * How upstream rows relate to downstream rows: one to one (identity), many to one (aggregation on some columns)
 * or one to many (expansion of each parent row into children).
 */
public sealed interface Lineage {

    /** 1:1 — each downstream row has exactly one upstream row with the same ids. */
    static Lineage identity() {
        return Identity.INSTANCE;
    }

    /** N:1 grouped by the target's id columns. */
    static Lineage aggregation() {
        return new Aggregation(null);
    }

    /** N:1 grouped by {@code on}. */
    static Lineage aggregation(String... on) {
        return new Aggregation(List.of(on));
    }

    /** 1:N — each upstream row identified by {@code on} expands into many downstream rows. */
    static Lineage expansion(String... on) {
        return new Expansion(List.of(on), null);
    }

    /** The wire name of the relationship type: {@code 1:1}, {@code N:1} or {@code 1:N}. */
    String type();

    /** 1:1. */
    record Identity() implements Lineage {
        static final Identity INSTANCE = new Identity();

        @Override
        public String type() {
            return "1:1";
        }
    }

    /** N:1; a null {@code on} means "the target's id columns". */
    record Aggregation(List<String> on) implements Lineage {
        public Aggregation {
            if (on != null) {
                if (on.isEmpty()) {
                    throw new MetaxyDefinitionException("Aggregation lineage: 'on' must list at least one column (or be null for the target's id columns)");
                }
                on = List.copyOf(on);
            }
        }

        public Optional<List<String>> onColumns() {
            return Optional.ofNullable(on);
        }

        @Override
        public String type() {
            return "N:1";
        }
    }

    /** 1:N; {@code on} names the parent id columns and is required. */
    record Expansion(List<String> on, String idGenerationPattern) implements Lineage {
        public Expansion {
            if (on == null || on.isEmpty()) {
                throw new MetaxyDefinitionException("Expansion lineage: 'on' is required and must list the parent id columns");
            }
            on = List.copyOf(on);
        }

        @Override
        public String type() {
            return "1:N";
        }
    }
}
