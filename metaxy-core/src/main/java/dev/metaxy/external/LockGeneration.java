package dev.metaxy.external;

import dev.metaxy.config.FeatureSelectionConfig;
import dev.metaxy.config.MetaxyWarnings;
import dev.metaxy.definition.FeatureDefinition;
import dev.metaxy.definition.FeatureDep;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.system.GraphSnapshots.StoredDefinition;
import dev.metaxy.versioning.DefinitionVersions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code metaxy lock} (Python's {@code generate_lock_file}): finds the features the graph's own features depend on
 * but do not define, plus what the selection (the configuration's {@code extra_features}) names, fetches their
 * latest pushed definitions and those of everything upstream of them from the store, checks that the versions
 * computed here equal the versions the store recorded, and writes the lock file if anything changed.
 */
public final class LockGeneration {
    private LockGeneration() {
    }

    /**
     * Writes the lock file at {@code output} from {@code store} (over the store's graph, which gains the fetched
     * definitions) and returns what changed against the file that was there.
     *
     * @param excludeProject the project whose features are never locked (the configuration's project; nullable)
     * @param selection extra features to lock (nullable)
     * @throws FeaturesNotPushedException when a needed feature was never pushed to the store
     */
    public static LockChanges generate(MetadataStore store, Path output, String excludeProject, FeatureSelectionConfig selection) {
        FeatureGraph graph = store.graph();
        Set<FeatureKey> local = new TreeSet<>();
        Set<FeatureKey> needed = new TreeSet<>();
        for (FeatureDefinition d : graph.definitions()) {
            if (!d.isExternal()) {
                local.add(d.key());
                d.spec().deps().forEach(dep -> needed.add(dep.feature()));
            }
        }
        needed.removeAll(local);
        if (needed.isEmpty() && selection == null) {
            return write(output, new LockFile(List.of()));
        }
        Map<FeatureKey, StoredDefinition> stored = new LinkedHashMap<>(ExternalFeatures.readStored(store));
        if (excludeProject != null) {
            stored.values().removeIf(s -> excludeProject.equals(s.definition().project().orElse(null)));
        }
        if (selection != null) {
            ExternalFeatures.select(selection, stored.values()).forEach(d -> {
                if (!local.contains(d.key())) {
                    needed.add(d.key());
                }
            });
            selection.keys().stream().map(k -> FeatureKey.of(k)).filter(k -> !local.contains(k)).forEach(needed::add);
        }
        if (needed.isEmpty()) {
            return write(output, new LockFile(List.of()));
        }
        Map<FeatureKey, StoredDefinition> chosen = transitive(needed, stored, local, graph);
        return write(output, build(chosen, graph));
    }

    private static Map<FeatureKey, StoredDefinition> transitive(Set<FeatureKey> initial, Map<FeatureKey, StoredDefinition> stored,
                                                             Set<FeatureKey> local, FeatureGraph graph) {
        Map<FeatureKey, StoredDefinition> chosen = new LinkedHashMap<>();
        Set<FeatureKey> requested = new TreeSet<>(initial);
        Set<FeatureKey> todo = new TreeSet<>(initial);
        while (!todo.isEmpty()) {
            Set<FeatureKey> next = new TreeSet<>();
            for (FeatureKey key : todo) {
                StoredDefinition s = stored.get(key);
                if (chosen.containsKey(key) || local.contains(key) || s == null) {
                    continue;
                }
                chosen.put(key, s);
                graph.adopt(s.definition());
                for (FeatureDep dep : s.definition().spec().deps()) {
                    if (!chosen.containsKey(dep.feature()) && !local.contains(dep.feature())) {
                        next.add(dep.feature());
                    }
                }
            }
            requested.addAll(next);
            next.removeAll(chosen.keySet());
            todo = next;
        }
        requested.removeAll(chosen.keySet());
        requested.removeAll(local);
        if (!requested.isEmpty()) {
            throw new FeaturesNotPushedException(requested.stream().map(FeatureKey::toString).toList());
        }
        return chosen;
    }

    private static LockFile build(Map<FeatureKey, StoredDefinition> chosen, FeatureGraph graph) {
        DefinitionVersions versions = graph.versions();
        List<LockFile.LockedFeature> features = new ArrayList<>();
        for (StoredDefinition s : chosen.values()) {
            FeatureKey key = s.definition().key();
            String computed = versions.featureVersion(key);
            if (s.featureVersion() != null && !computed.equals(s.featureVersion())) {
                throw new IllegalStateException("Version mismatch for feature '" + key + "': computed=" + computed + ", db="
                    + s.featureVersion() + ". This may indicate the feature graph is out of sync with the metadata store.");
            }
            features.add(new LockFile.LockedFeature(s.definition(), computed, versions.fieldVersions(key),
                versions.definitionVersion(key)));
        }
        return new LockFile(features);
    }

    private static LockChanges write(Path output, LockFile lock) {
        LockChanges changes = LockChanges.between(previous(output), lock);
        if (changes.changed() || !Files.exists(output)) {
            lock.write(output);
        }
        return changes;
    }

    /** The lock file already at {@code output}; null when there is none or it cannot be read (then everything is new). */
    private static LockFile previous(Path output) {
        if (!Files.exists(output)) {
            return null;
        }
        try {
            return LockFile.read(output);
        } catch (LockFileException e) {
            MetaxyWarnings.warn("Could not parse existing lock file at " + output + "; treating as fresh.");
            return null;
        }
    }
}
