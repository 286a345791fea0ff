package dev.metaxy.graph;

import dev.metaxy.definition.Feature;
import dev.metaxy.definition.FeatureDefinition;
import dev.metaxy.definition.FeatureDep;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.FieldDep;
import dev.metaxy.definition.FieldKey;
import dev.metaxy.definition.FieldSpec;
import dev.metaxy.definition.MetaxyDefinitionException;
import dev.metaxy.hash.Truncation;
import dev.metaxy.versioning.DefinitionVersions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The set of known features and their dependencies. Registration rejects duplicate keys; {@link #validate()}
 * (run by every ordering and versioning call) rejects unknown upstream features or fields and cycles.
 * Features are looked up by {@link FeatureKey}, {@code "a/b"} string, list of parts, spec or Java feature class.
 */
public final class FeatureGraph {
    private static final Comparator<FeatureKey> TOPO_ORDER =
        Comparator.comparing(k -> k.toString().toLowerCase(java.util.Locale.ROOT));

    private final Map<FeatureKey, FeatureDefinition> definitions = new LinkedHashMap<>();
    private final Map<Class<?>, FeatureKey> classes = new HashMap<>();
    private final Truncation truncation;
    private boolean validated;
    private DefinitionVersions versions;

    /** An empty graph using the default hash truncation (8). */
    public FeatureGraph() {
        this(Truncation.DEFAULT);
    }

    /** An empty graph whose definition-level versions use {@code truncation}. */
    public FeatureGraph(Truncation truncation) {
        this.truncation = truncation;
    }

    /** A graph holding {@code specs}. */
    public static FeatureGraph of(Collection<FeatureSpec> specs) {
        FeatureGraph g = new FeatureGraph();
        specs.forEach(g::register);
        return g;
    }

    public Truncation truncation() {
        return truncation;
    }

    /** Registers a spec (no schema, no project). */
    public FeatureGraph register(FeatureSpec spec) {
        return register(FeatureDefinition.of(spec));
    }

    /**
     * Registers a definition. A feature defined here replaces an external placeholder with the same key, and an
     * external placeholder never replaces a feature defined here (Python's priority); any other second feature with
     * the same key is an error.
     */
    public synchronized FeatureGraph register(FeatureDefinition definition) {
        FeatureKey key = definition.key();
        FeatureDefinition existing = definitions.get(key);
        if (existing != null && definition.isExternal() && !existing.isExternal()) {
            return this;
        }
        if (existing != null && !(existing.isExternal() && !definition.isExternal())) {
            throw new GraphException("Feature '" + key + "' is already registered in this graph");
        }
        definitions.put(key, definition);
        invalidate();
        return this;
    }

    /**
     * Adds a definition loaded from a store or lock file unless one that takes priority is already there: a feature
     * defined here replaces an external placeholder; otherwise an existing feature is kept (Python's
     * {@code on_conflict="ignore"}). Returns whether the graph changed.
     */
    public synchronized boolean adopt(FeatureDefinition definition) {
        FeatureDefinition existing = definitions.get(definition.key());
        if (existing != null && !(existing.isExternal() && !definition.isExternal())) {
            return false;
        }
        definitions.put(definition.key(), definition);
        invalidate();
        return true;
    }

    /** Registers a Java feature class (its static {@code SPEC} field), recording the class path. */
    public FeatureGraph register(Class<? extends Feature> featureClass) {
        return register(featureClass, null);
    }

    /** Registers a Java feature class under {@code project} (nullable), recording the class path. */
    public synchronized FeatureGraph register(Class<? extends Feature> featureClass, String project) {
        FeatureSpec spec = Feature.specOf(featureClass);
        register(FeatureDefinition.of(spec, null, featureClass.getName(), project));
        classes.put(featureClass, spec.key());
        return this;
    }

    /** Registers many definitions. */
    public FeatureGraph registerAll(Collection<FeatureDefinition> defs) {
        defs.forEach(this::register);
        return this;
    }

    /** Removes a feature (e.g. to re-register a changed definition). */
    public synchronized FeatureGraph remove(FeatureKey key) {
        if (definitions.remove(key) == null) {
            throw new FeatureNotFoundException("Feature '" + key + "' is not in the graph");
        }
        classes.values().removeIf(key::equals);
        invalidate();
        return this;
    }

    /** Replaces the definition of an already registered feature. */
    public synchronized FeatureGraph replace(FeatureDefinition definition) {
        if (!definitions.containsKey(definition.key())) {
            throw new FeatureNotFoundException("Feature '" + definition.key() + "' is not in the graph");
        }
        definitions.put(definition.key(), definition);
        invalidate();
        return this;
    }

    private void invalidate() {
        validated = false;
        versions = null;
    }

    /** Resolves a feature reference: FeatureKey, "a/b" string, list of parts, FeatureSpec, FeatureDefinition or class. */
    public FeatureKey keyOf(Object ref) {
        FeatureKey key = FeatureRefs.toKey(ref, classes);
        if (!definitions.containsKey(key)) {
            throw new FeatureNotFoundException("Feature '" + key + "' is not in the graph" + suggestion());
        }
        return key;
    }

    private String suggestion() {
        if (definitions.isEmpty()) {
            return " (the graph is empty)";
        }
        List<String> keys = new ArrayList<>();
        definitions.keySet().stream().sorted(FeatureKey.BY_STRING).limit(20).forEach(k -> keys.add(k.toString()));
        return "; known features: " + keys + (definitions.size() > 20 ? " ..." : "");
    }

    public boolean contains(Object ref) {
        try {
            return definitions.containsKey(FeatureRefs.toKey(ref, classes));
        } catch (MetaxyDefinitionException e) {
            return false;
        }
    }

    /** The definition of a feature reference. */
    public FeatureDefinition definition(Object ref) {
        return definitions.get(keyOf(ref));
    }

    /** The spec of a feature reference. */
    public FeatureSpec spec(Object ref) {
        return definition(ref).spec();
    }

    /** All definitions in registration order. */
    public List<FeatureDefinition> definitions() {
        return List.copyOf(definitions.values());
    }

    /** All keys in registration order. */
    public List<FeatureKey> keys() {
        return List.copyOf(definitions.keySet());
    }

    public int size() {
        return definitions.size();
    }

    /**
     * Checks every dependency resolves: upstream features exist, explicit field dependencies name existing fields,
     * and there is no cycle. The error names the feature, the dependency and (for cycles) the whole loop.
     */
    public synchronized void validate() {
        if (validated) {
            return;
        }
        for (FeatureDefinition def : definitions.values()) {
            FeatureSpec spec = def.spec();
            for (FeatureDep dep : spec.deps()) {
                if (!definitions.containsKey(dep.feature())) {
                    throw new GraphException("Feature '" + spec.key() + "' depends on unknown feature '" + dep.feature()
                        + "'" + suggestion());
                }
            }
            for (FieldSpec field : spec.fields()) {
                for (FieldDep fd : field.deps()) {
                    FeatureSpec up = definitions.get(fd.feature()).spec();
                    for (FieldKey f : fd.fields().orElse(List.of())) {
                        if (up.field(f).isEmpty()) {
                            throw new GraphException("Feature '" + spec.key() + "', field '" + field.key()
                                + "' depends on unknown field '" + f + "' of '" + up.key() + "' (its fields: "
                                + up.fieldKeys() + ")");
                        }
                    }
                }
            }
        }
        checkCycles();
        validated = true;
    }

    private void checkCycles() {
        Map<FeatureKey, Integer> state = new HashMap<>();
        for (FeatureKey start : new TreeSet<>(definitions.keySet())) {
            List<FeatureKey> path = new ArrayList<>();
            findCycle(start, state, path);
        }
    }

    private void findCycle(FeatureKey key, Map<FeatureKey, Integer> state, List<FeatureKey> path) {
        Integer s = state.get(key);
        if (s != null && s == 2) {
            return;
        }
        if (s != null && s == 1) {
            List<String> loop = new ArrayList<>();
            for (FeatureKey k : path.subList(path.indexOf(key), path.size())) {
                loop.add(k.toString());
            }
            loop.add(key.toString());
            throw new GraphException("Dependency cycle: " + String.join(" -> ", loop));
        }
        state.put(key, 1);
        path.add(key);
        for (FeatureDep dep : definitions.get(key).spec().deps()) {
            findCycle(dep.feature(), state, path);
        }
        path.remove(path.size() - 1);
        state.put(key, 2);
    }

    /** Every feature, dependencies first, ties broken alphabetically (as Python's topological_sort_features). */
    public List<FeatureKey> topologicalOrder() {
        return topologicalOrder(definitions.keySet());
    }

    /** The given features, dependencies first, ties broken alphabetically. */
    public List<FeatureKey> topologicalOrder(Collection<FeatureKey> subset) {
        validate();
        Set<FeatureKey> wanted = new HashSet<>(subset);
        for (FeatureKey k : wanted) {
            if (!definitions.containsKey(k)) {
                throw new FeatureNotFoundException("Feature '" + k + "' is not in the graph" + suggestion());
            }
        }
        List<FeatureKey> result = new ArrayList<>();
        Set<FeatureKey> visited = new HashSet<>();
        List<FeatureKey> sorted = new ArrayList<>(wanted);
        sorted.sort(TOPO_ORDER);
        for (FeatureKey k : sorted) {
            visit(k, wanted, visited, result);
        }
        return result;
    }

    private void visit(FeatureKey key, Set<FeatureKey> wanted, Set<FeatureKey> visited, List<FeatureKey> out) {
        if (!wanted.contains(key) || !visited.add(key)) {
            return;
        }
        List<FeatureKey> ups = new ArrayList<>();
        definitions.get(key).spec().deps().forEach(d -> ups.add(d.feature()));
        ups.sort(TOPO_ORDER);
        for (FeatureKey u : ups) {
            visit(u, wanted, visited, out);
        }
        out.add(key);
    }

    /** Features that depend directly on {@code key}. */
    public List<FeatureKey> dependents(FeatureKey key) {
        List<FeatureKey> out = new ArrayList<>();
        for (FeatureDefinition d : definitions.values()) {
            if (d.spec().dep(key).isPresent()) {
                out.add(d.key());
            }
        }
        return out;
    }

    /** Every feature transitively downstream of {@code sources}, dependencies first, sources excluded. */
    public List<FeatureKey> downstreamOf(Collection<FeatureKey> sources) {
        Set<FeatureKey> reached = new HashSet<>();
        List<FeatureKey> frontier = new ArrayList<>(sources);
        while (!frontier.isEmpty()) {
            FeatureKey k = frontier.remove(frontier.size() - 1);
            for (FeatureKey d : dependents(k)) {
                if (reached.add(d)) {
                    frontier.add(d);
                }
            }
        }
        reached.removeAll(sources);
        return topologicalOrder(reached);
    }

    /** Every feature transitively upstream of {@code target}, dependencies first, target excluded. */
    public List<FeatureKey> upstreamOf(FeatureKey target) {
        Set<FeatureKey> reached = new HashSet<>();
        List<FeatureKey> frontier = new ArrayList<>(List.of(keyOf(target)));
        while (!frontier.isEmpty()) {
            FeatureKey k = frontier.remove(frontier.size() - 1);
            for (FeatureDep d : definitions.get(k).spec().deps()) {
                if (reached.add(d.feature()) && definitions.containsKey(d.feature())) {
                    frontier.add(d.feature());
                }
            }
        }
        return topologicalOrder(reached);
    }

    /** The projects of the registered features (features without a project are not counted). */
    public Set<String> projects() {
        Set<String> out = new TreeSet<>();
        definitions.values().forEach(d -> d.project().ifPresent(out::add));
        return out;
    }

    /** Definition-level versions (field, feature, code, spec, definition, project) of this graph. */
    public synchronized DefinitionVersions versions() {
        validate();
        if (versions == null) {
            versions = new DefinitionVersions(this);
        }
        return versions;
    }
}
