package dev.metaxy.graph;

import dev.metaxy.definition.Feature;
import dev.metaxy.definition.FeatureDefinition;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.MetaxyDefinitionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns anything accepted as a feature reference into a {@link FeatureKey}. */
public final class FeatureRefs {
    private FeatureRefs() {
    }

    /** Coerces a FeatureKey, "a/b" string, list of parts, FeatureSpec, FeatureDefinition or Java feature class. */
    public static FeatureKey toKey(Object ref) {
        return toKey(ref, Map.of());
    }

    static FeatureKey toKey(Object ref, Map<Class<?>, FeatureKey> classes) {
        if (ref instanceof FeatureKey k) {
            return k;
        }
        if (ref instanceof String s) {
            return FeatureKey.of(s);
        }
        if (ref instanceof FeatureSpec s) {
            return s.key();
        }
        if (ref instanceof FeatureDefinition d) {
            return d.key();
        }
        if (ref instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            for (Object o : list) {
                if (!(o instanceof String p)) {
                    throw new MetaxyDefinitionException("A feature key list must contain strings, got " + list);
                }
                parts.add(p);
            }
            return FeatureKey.ofParts(parts);
        }
        if (ref instanceof Class<?> c) {
            FeatureKey known = classes.get(c);
            if (known != null) {
                return known;
            }
            if (Feature.class.isAssignableFrom(c)) {
                return Feature.specOf(c).key();
            }
            throw new MetaxyDefinitionException("Class " + c.getName() + " is not a feature class (it does not implement "
                + Feature.class.getName() + ")");
        }
        throw new MetaxyDefinitionException("Cannot use " + (ref == null ? "null" : ref.getClass().getName() + " '" + ref + "'")
            + " as a feature reference; use a FeatureKey, an \"a/b\" string, a list of parts, a FeatureSpec or a feature class");
    }
}
