package dev.metaxy.external;

import dev.metaxy.config.FeatureSelectionConfig;
import dev.metaxy.config.MetaxyConfig;
import dev.metaxy.config.MetaxyWarnings;
import dev.metaxy.definition.FeatureDefinition;
import dev.metaxy.definition.FeatureDefinition.VersionMismatch;
import dev.metaxy.definition.FeatureDep;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.system.GraphSnapshots;
import dev.metaxy.system.GraphSnapshots.StoredDefinition;
import dev.metaxy.versioning.DefinitionVersions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Loads the definitions of external features from a store's pushed graph snapshots into the store's feature graph
 * (Python's {@code sync_external_features}): external placeholders (from {@code metaxy.lock} or declared with
 * {@link FeatureDefinition#external}) are replaced by the definitions their own project pushed, together with the
 * features the configuration's {@code extra_features} select and every upstream feature they need. A placeholder
 * whose version differs from the store's is reported (a warning, or {@link ExternalFeatureVersionMismatchException}
 * in error mode: {@code locked = true}, {@code --locked}, or the placeholder's own setting).
 *
 * <p>Stores call {@link #autoSync} at the start of every {@code read} and {@code resolveUpdate} unless the
 * configuration says {@code sync = false}; with no external feature in the graph and no {@code extra_features} that
 * is free (no store access).
 */
public final class ExternalFeatures {
    private ExternalFeatures() {
    }

    /** {@link #sync(MetadataStore, FeatureSelectionConfig, VersionMismatch)} with no extra selection or override. */
    public static List<FeatureDefinition> sync(MetadataStore store) {
        return sync(store, null, null);
    }

    /**
     * Syncs the store's graph from the store (opened for reading if it is closed) and returns the definitions loaded.
     *
     * @param selection features to load besides the external placeholders and the configuration's
     *                  {@code extra_features} (nullable)
     * @param onVersionMismatch overrides each placeholder's mismatch mode (nullable); {@code locked = true} in the
     *                          current configuration forces {@code ERROR}
     */
    public static List<FeatureDefinition> sync(MetadataStore store, FeatureSelectionConfig selection, VersionMismatch onVersionMismatch) {
        Settings settings = Settings.current();
        FeatureGraph graph = store.graph();
        Map<FeatureKey, Placeholder> placeholders = placeholders(graph);
        Set<String> local = new LinkedHashSet<>();
        graph.definitions().stream().filter(d -> !d.isExternal()).forEach(d -> local.add(d.key().toString()));

        List<FeatureSelectionConfig> parts = new ArrayList<>();
        if (!placeholders.isEmpty()) {
            parts.add(FeatureSelectionConfig.ofKeys(placeholders.keySet().stream().map(FeatureKey::toString).toList()));
        }
        FeatureSelectionConfig extra = withoutLocalKeys(selection, local);
        if (extra != null) {
            parts.add(extra);
        }
        parts.addAll(settings.extraFeatures);
        if (parts.isEmpty()) {
            return List.of();
        }
        FeatureSelectionConfig combined = parts.stream().reduce(FeatureSelectionConfig::or).orElseThrow();
        VersionMismatch mode = settings.locked ? VersionMismatch.ERROR : onVersionMismatch;

        List<FeatureDefinition> loaded = load(store, combined, graph, local);
        checkVersions(graph, placeholders, mode);
        List<String> unresolved = graph.definitions().stream().filter(FeatureDefinition::isExternal)
            .map(d -> d.key().toString()).sorted().toList();
        if (!unresolved.isEmpty()) {
            MetaxyWarnings.warn("After syncing, " + unresolved.size() + " external feature(s) could not be resolved from the "
                + "metadata store: " + String.join(", ", unresolved) + ". These features may not exist in the store.");
        }
        return loaded;
    }

    /**
     * What stores run before a read or an increment: {@link #sync(MetadataStore)} unless the current configuration
     * says {@code sync = false}, and only when there is something to sync.
     */
    public static void autoSync(MetadataStore store) {
        Settings settings = Settings.current();
        if (!settings.sync) {
            return;
        }
        if (settings.extraFeatures.isEmpty() && store.graph().definitions().stream().noneMatch(FeatureDefinition::isExternal)) {
            return;
        }
        sync(store);
    }

    /** The sync settings of the current configuration (Python's defaults when none is set). */
    private record Settings(boolean sync, boolean locked, List<FeatureSelectionConfig> extraFeatures) {
        static Settings current() {
            return MetaxyConfig.current()
                .map(c -> new Settings(c.sync(), c.locked().orElse(false), c.extraFeatures()))
                .orElse(new Settings(true, false, List.of()));
        }
    }

    /** An external feature's versions before the sync (null when the graph could not be versioned then). */
    private record Placeholder(String version, Map<String, String> fieldVersions, FeatureDefinition definition) {
    }

    private static Map<FeatureKey, Placeholder> placeholders(FeatureGraph graph) {
        Map<FeatureKey, Placeholder> out = new LinkedHashMap<>();
        List<FeatureDefinition> external = graph.definitions().stream().filter(FeatureDefinition::isExternal).toList();
        if (external.isEmpty()) {
            return out;
        }
        DefinitionVersions versions;
        try {
            versions = graph.versions();
        } catch (RuntimeException incomplete) {
            versions = null; // e.g. a feature needs one only the sync brings: nothing to compare against
        }
        for (FeatureDefinition d : external) {
            out.put(d.key(), versions == null ? new Placeholder(null, Map.of(), d)
                : new Placeholder(versions.featureVersion(d.key()), new TreeMap<>(versions.fieldVersions(d.key())), d));
        }
        return out;
    }

    /** A key-only selection without the features defined here; project and all selections stay as they are. */
    private static FeatureSelectionConfig withoutLocalKeys(FeatureSelectionConfig selection, Set<String> local) {
        if (selection == null || selection.all() || !selection.projects().isEmpty()) {
            return selection;
        }
        List<String> keys = selection.keys().stream().filter(k -> !local.contains(k)).toList();
        return keys.isEmpty() ? null : FeatureSelectionConfig.ofKeys(keys);
    }

    private static List<FeatureDefinition> load(MetadataStore store, FeatureSelectionConfig selection, FeatureGraph graph,
                                                Set<String> local) {
        Map<FeatureKey, StoredDefinition> stored = readStored(store);
        Set<String> loadedKeys = new LinkedHashSet<>(local);
        List<FeatureDefinition> loaded = new ArrayList<>();
        FeatureSelectionConfig current = selection;
        while (current != null) {
            List<FeatureDefinition> batch = select(current, stored.values());
            Set<String> missing = new LinkedHashSet<>();
            for (FeatureDefinition d : batch) {
                if (loadedKeys.add(d.key().toString())) {
                    loaded.add(d);
                    graph.adopt(d);
                }
            }
            for (FeatureDefinition d : batch) {
                for (FeatureDep dep : d.spec().deps()) {
                    if (!graph.contains(dep.feature())) {
                        missing.add(dep.feature().toString());
                    }
                }
            }
            current = missing.isEmpty() ? null : FeatureSelectionConfig.ofKeys(missing);
        }
        return loaded;
    }

    /** The latest stored definition of every feature (the store is opened for reading when closed). */
    static Map<FeatureKey, StoredDefinition> readStored(MetadataStore store) {
        boolean opened = !store.isOpen();
        if (opened) {
            store.open(AccessMode.READ);
        }
        try {
            return new GraphSnapshots(store).latestDefinitions(null, MetaxyWarnings::warn);
        } finally {
            if (opened) {
                store.close();
            }
        }
    }

    /** The stored definitions a selection names (Python's {@code resolve_selection}). */
    static List<FeatureDefinition> select(FeatureSelectionConfig selection, Collection<StoredDefinition> stored) {
        List<FeatureDefinition> out = new ArrayList<>();
        for (StoredDefinition s : stored) {
            FeatureDefinition d = s.definition();
            if (selection.all() || selection.projects().contains(d.project().orElse(null))
                || selection.keys().contains(d.key().toString())) {
                out.add(d);
            }
        }
        return out;
    }

    private static void checkVersions(FeatureGraph graph, Map<FeatureKey, Placeholder> placeholders, VersionMismatch override) {
        List<String> warn = new ArrayList<>();
        List<String> error = new ArrayList<>();
        int warnCount = 0;
        int errorCount = 0;
        for (Map.Entry<FeatureKey, Placeholder> e : placeholders.entrySet()) {
            FeatureKey key = e.getKey();
            if (e.getValue().version() == null || !graph.contains(key) || graph.definition(key).isExternal()) {
                continue;
            }
            DefinitionVersions versions = graph.versions();
            String actual = versions.featureVersion(key);
            Placeholder p = e.getValue();
            if (p.version().equals(actual)) {
                continue;
            }
            List<String> lines = mismatchLines(key, p, actual, new TreeMap<>(versions.fieldVersions(key)));
            if ((override != null ? override : p.definition().onVersionMismatch()) == VersionMismatch.ERROR) {
                error.addAll(lines);
                errorCount++;
            } else {
                warn.addAll(lines);
                warnCount++;
            }
        }
        if (warnCount > 0) {
            MetaxyWarnings.warn(message(warnCount, warn));
        }
        if (errorCount > 0) {
            throw new ExternalFeatureVersionMismatchException(message(errorCount, error));
        }
    }

    private static List<String> mismatchLines(FeatureKey key, Placeholder p, String actual, Map<String, String> actualFields) {
        List<String> lines = new ArrayList<>();
        lines.add("  " + key + ":");
        lines.add("    feature version: expected '" + p.version() + "', got '" + actual + "'");
        Set<String> fields = new java.util.TreeSet<>(p.fieldVersions().keySet());
        fields.addAll(actualFields.keySet());
        List<String> fieldLines = new ArrayList<>();
        for (String f : fields) {
            String expected = p.fieldVersions().getOrDefault(f, "<missing>");
            String got = actualFields.getOrDefault(f, "<missing>");
            if (!expected.equals(got)) {
                fieldLines.add("      " + f + ": expected '" + expected + "', got '" + got + "'");
            }
        }
        if (!fieldLines.isEmpty()) {
            lines.add("    field mismatches:");
            lines.addAll(fieldLines);
        }
        lines.add("");
        return lines;
    }

    private static String message(int count, List<String> featureLines) {
        return "Version mismatch detected for " + count + " external feature(s). The external feature definition(s) may be "
            + "out of sync with the metadata store.\n\n" + String.join("\n", featureLines);
    }
}
