package dev.metaxy.definition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the fields of a downstream feature map onto the fields of one upstream dependency when a field declares
 * no explicit dependencies. The default matches fields by name and falls back to all upstream fields.
 */
public sealed interface FieldsMapping {

    /** The upstream fields {@code downstream} depends on, among {@code upstreamFields}. */
    Set<FieldKey> resolve(FieldKey downstream, Collection<FieldKey> upstreamFields);

    /** The default mapping: same-name fields (optionally suffix matches), else all fields minus exclusions. */
    static FieldsMapping defaults() {
        return Default.PLAIN;
    }

    /** The default mapping with suffix matching and exclusions. */
    static FieldsMapping defaults(boolean matchSuffix, FieldKey... exclude) {
        return new Default(matchSuffix, List.of(exclude));
    }

    /** Every downstream field depends on every upstream field. */
    static FieldsMapping all() {
        return All.INSTANCE;
    }

    /** No field depends on this upstream. */
    static FieldsMapping none() {
        return None.INSTANCE;
    }

    /** An explicit table from downstream field to upstream fields (no fallback). */
    static FieldsMapping specific(Map<FieldKey, ? extends Collection<FieldKey>> mapping) {
        Map<FieldKey, Set<FieldKey>> copy = new LinkedHashMap<>();
        mapping.forEach((k, v) -> copy.put(k, new TreeSet<>(v)));
        return new Specific(copy);
    }

    /** The {@code default} variant. */
    record Default(boolean matchSuffix, List<FieldKey> excludeFields) implements FieldsMapping {
        static final Default PLAIN = new Default(false, List.of());

        public Default {
            excludeFields = List.copyOf(excludeFields);
        }

        @Override
        public Set<FieldKey> resolve(FieldKey downstream, Collection<FieldKey> upstreamFields) {
            Set<FieldKey> exclude = Set.copyOf(excludeFields);
            Set<FieldKey> result = new LinkedHashSet<>();
            for (FieldKey u : upstreamFields) {
                if (exclude.contains(u)) {
                    continue;
                }
                if (u.equals(downstream) || (matchSuffix && isSuffix(downstream, u))) {
                    result.add(u);
                }
            }
            if (result.isEmpty()) {
                for (FieldKey u : upstreamFields) {
                    if (!exclude.contains(u)) {
                        result.add(u);
                    }
                }
            }
            return result;
        }

        private static boolean isSuffix(FieldKey down, FieldKey up) {
            List<String> d = down.parts();
            List<String> u = up.parts();
            if (d.size() == 1 && u.size() > 1) {
                return d.get(0).equals(u.get(u.size() - 1));
            }
            return d.size() <= u.size() && u.subList(u.size() - d.size(), u.size()).equals(d);
        }
    }

    /** The {@code specific} variant; upstream key lists are kept sorted by part tuple, as Python serialises them. */
    record Specific(Map<FieldKey, Set<FieldKey>> mapping) implements FieldsMapping {
        public Specific {
            Map<FieldKey, Set<FieldKey>> copy = new LinkedHashMap<>();
            mapping.forEach((k, v) -> copy.put(k, Collections.unmodifiableSortedSet(new TreeSet<>(v))));
            mapping = Collections.unmodifiableMap(copy);
        }

        @Override
        public Set<FieldKey> resolve(FieldKey downstream, Collection<FieldKey> upstreamFields) {
            Set<FieldKey> wanted = mapping.getOrDefault(downstream, Set.of());
            List<FieldKey> result = new ArrayList<>();
            for (FieldKey u : upstreamFields) {
                if (wanted.contains(u)) {
                    result.add(u);
                }
            }
            return new LinkedHashSet<>(result);
        }
    }

    /** The {@code all} variant. */
    record All() implements FieldsMapping {
        static final All INSTANCE = new All();

        @Override
        public Set<FieldKey> resolve(FieldKey downstream, Collection<FieldKey> upstreamFields) {
            return new LinkedHashSet<>(upstreamFields);
        }
    }

    /** The {@code none} variant. */
    record None() implements FieldsMapping {
        static final None INSTANCE = new None();

        @Override
        public Set<FieldKey> resolve(FieldKey downstream, Collection<FieldKey> upstreamFields) {
            return Set.of();
        }
    }
}
