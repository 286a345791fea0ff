package dev.metaxy.store;

import dev.metaxy.config.MetaxyConfig;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.frame.Frame;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.graph.FeatureRefs;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.versioning.DefinitionVersions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The lifecycle every store shares: a stack of open levels where only the outermost physically opens and closes,
 * checks for closed or read-only use, feature-reference resolution and multi-feature writes in reverse
 * topological order. Backends implement the physical operations.
 */
public abstract class AbstractMetadataStore implements MetadataStore {
    private final FeatureGraph graph;
    private final HashAlgorithm hashAlgorithm;
    private final Deque<AccessMode> modes = new ArrayDeque<>();
    private volatile String name;

    protected AbstractMetadataStore(FeatureGraph graph, HashAlgorithm hashAlgorithm) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.hashAlgorithm = Objects.requireNonNull(hashAlgorithm, "hashAlgorithm");
    }

    /** Physically opens connections/files in {@code mode} (the mode of the outermost open). */
    protected abstract void openPhysically(AccessMode mode);

    /** Releases connections/files. */
    protected abstract void closePhysically();

    @Override
    public synchronized MetadataStore open(AccessMode mode) {
        Objects.requireNonNull(mode, "mode");
        if (modes.isEmpty()) {
            openPhysically(mode);
        }
        modes.push(mode);
        return this;
    }

    @Override
    public synchronized void close() {
        if (modes.isEmpty()) {
            return;
        }
        modes.pop();
        if (modes.isEmpty()) {
            closePhysically();
        }
    }

    @Override
    public synchronized boolean isOpen() {
        return !modes.isEmpty();
    }

    @Override
    public synchronized AccessMode mode() {
        return modes.isEmpty() ? AccessMode.READ : modes.peek();
    }

    @Override
    public FeatureGraph graph() {
        return graph;
    }

    @Override
    public HashAlgorithm hashAlgorithm() {
        return hashAlgorithm;
    }

    /** Fails with {@link StoreNotOpenException} when the store is closed. */
    protected void requireOpen() {
        if (!isOpen()) {
            throw StoreNotOpenException.closed(getClass().getSimpleName());
        }
    }

    /** Fails unless the store is open in write mode. */
    protected void requireWrite() {
        requireOpen();
        if (mode() != AccessMode.WRITE) {
            throw StoreNotOpenException.readOnly(getClass().getSimpleName());
        }
    }

    /**
     * The project version stamped on rows written under {@code g} (Python's {@code graph.project_version}): that of the
     * configured {@code project} when a configuration is current and {@code g} defines features of that project
     * (a downstream job whose graph also holds synced or locked upstream features), else of the graph's single project.
     */
    protected static String projectVersionForWrites(FeatureGraph g) {
        DefinitionVersions versions = g.versions();
        return MetaxyConfig.current().flatMap(MetaxyConfig::project)
            .filter(p -> g.definitions().stream().anyMatch(d -> !d.isExternal() && p.equals(d.project().orElse(null))))
            .map(versions::projectVersion)
            .orElseGet(versions::projectVersion);
    }

    /** Resolves a feature reference against the store's graph. */
    protected FeatureKey keyOf(Object feature) {
        if (feature instanceof Class<?> || feature instanceof String || feature instanceof List<?>) {
            return graph.keyOf(feature);
        }
        return graph.keyOf(FeatureRefs.toKey(feature));
    }

    @Override
    public void writeMulti(Map<?, Frame> frames, WriteOptions options) {
        requireWrite();
        if (frames.isEmpty()) {
            return;
        }
        Map<FeatureKey, Frame> byKey = new LinkedHashMap<>();
        frames.forEach((k, v) -> byKey.put(keyOf(k), v));
        List<FeatureKey> order = new ArrayList<>(graph.topologicalOrder(byKey.keySet()));
        Collections.reverse(order);
        WriteOptions opts = new WriteOptions(options.materializationId(), false);
        for (FeatureKey key : order) {
            write(key, byKey.get(key), opts);
        }
    }

    @Override
    public java.util.Optional<String> name() {
        return java.util.Optional.ofNullable(name);
    }

    /**
     * Records the name the configuration gave this store (done by the configuration's store factory). A name cannot be
     * changed once set.
     */
    public final void assignName(String configuredName) {
        Objects.requireNonNull(configuredName, "configuredName");
        synchronized (this) {
            if (name != null && !name.equals(configuredName)) {
                throw new IllegalStateException("Store is already named '" + name + "'");
            }
            name = configuredName;
        }
    }

    @Override
    public java.util.Optional<MetadataStore> findStoreForFeature(Object feature, boolean checkFallback) {
        requireOpen();
        FeatureKey key = keyOf(feature);
        if (hasFeature(key)) {
            return java.util.Optional.of(this);
        }
        if (checkFallback) {
            for (MetadataStore fb : fallbackStores()) {
                try (MetadataStore open = fb.open(AccessMode.READ)) {
                    java.util.Optional<MetadataStore> found = open.findStoreForFeature(key, true);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
        }
        return java.util.Optional.empty();
    }

    @Override
    public StoreInfo storeInfo(Object feature) {
        FeatureKey key = feature instanceof FeatureKey k && dev.metaxy.system.SystemTables.isSystemKey(k) ? k : keyOf(feature);
        return new StoreInfo(name(), getClass().getName(), display(), storeDetails(key));
    }

    /** Rows of a feature read from a fallback store, and the store (at any depth) that had them. */
    protected record FallbackRows(Frame rows, MetadataStore store) {
    }

    /**
     * The first of {@code fallbacks} (each opened for reading while it is read) that has {@code key}, read with
     * {@code options} and collected, so the rows stay readable after the fallback closes; empty when none has it.
     */
    protected static java.util.Optional<FallbackRows> readFromFallbacks(List<MetadataStore> fallbacks, FeatureKey key,
                                                                        ReadOptions options) {
        for (MetadataStore fb : fallbacks) {
            try (MetadataStore open = fb.open(AccessMode.READ)) {
                StoreRead read = open.readWithStoreInfo(key, options);
                return java.util.Optional.of(new FallbackRows(read.frame().collect(), read.store()));
            } catch (FeatureNotInStoreException e) {
                // the next fallback
            }
        }
        return java.util.Optional.empty();
    }

    /** Store-specific details of where {@code key} is kept, e.g. {@code table_name}; none by default. */
    protected Map<String, String> storeDetails(FeatureKey key) {
        return Map.of();
    }

    @Override
    public String toString() {
        return display();
    }
}
