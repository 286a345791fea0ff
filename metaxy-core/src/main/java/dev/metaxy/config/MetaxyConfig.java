package dev.metaxy.config;

import dev.metaxy.definition.FeatureKey;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.Truncation;
import dev.metaxy.store.MetadataStore;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Metaxy configuration read from {@code metaxy.toml} (or {@code [tool.metaxy]} in {@code pyproject.toml}),
 * {@code METAXY_*} environment variables and defaults; the same files Python Metaxy reads. Immutable.
 *
 * <pre>{@code
 * MetaxyConfig config = MetaxyConfig.get();              // discovered once from the working directory
 * try (MetadataStore store = config.getStore(null).open(AccessMode.WRITE)) { ... }   // the default store
 * }</pre>
 *
 * The process-wide configuration ({@link #get()}, {@link #set}, {@link #reset()}) is thread-safe;
 * {@link #use()} overrides it for the current thread only.
 */
public final class MetaxyConfig {
    /** The top-level keys, in documentation order. */
    static final Set<String> FIELDS = Collections.unmodifiableSet(new LinkedHashSet<>(List.of("project", "store", "stores",
        "entrypoints", "extend", "theme", "ext", "hash_truncation_length", "enable_map_datatype", "auto_create_tables",
        "locked", "sync", "extra_features", "metaxy_lock_path")));

    private static final Object LOCK = new Object();
    private static volatile MetaxyConfig global;
    private static final ThreadLocal<MetaxyConfig> SCOPED = new ThreadLocal<>();

    private final String project;
    private final String store;
    private final Map<String, StoreConfig> stores;
    private final List<String> entrypoints;
    private final String theme;
    private final Map<String, Map<String, Object>> ext;
    private final int hashTruncationLength;
    private final boolean enableMapDatatype;
    private final boolean autoCreateTables;
    private final Boolean locked;
    private final boolean sync;
    private final List<FeatureSelectionConfig> extraFeatures;
    private final String metaxyLockPath;
    private final Path configFile;
    private final Path baseDirectory;
    private final Map<String, String> environment;
    private FeatureGraph graph;
    private final Map<FeatureKey, Path> definitionFiles = new java.util.concurrent.ConcurrentHashMap<>();

    MetaxyConfig(ConfigParser p, Path configFile, Path baseDirectory, Map<String, String> environment) {
        this.project = p.project;
        this.store = p.store;
        this.stores = Collections.unmodifiableMap(new LinkedHashMap<>(p.stores));
        this.entrypoints = List.copyOf(p.entrypoints);
        this.theme = p.theme;
        Map<String, Map<String, Object>> plugins = new LinkedHashMap<>();
        p.ext.forEach((k, v) -> plugins.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        this.ext = Collections.unmodifiableMap(plugins);
        this.hashTruncationLength = p.hashTruncationLength;
        this.enableMapDatatype = p.enableMapDatatype;
        this.autoCreateTables = p.autoCreateTables;
        this.locked = p.locked;
        this.sync = p.sync;
        this.extraFeatures = List.copyOf(p.extraFeatures);
        this.metaxyLockPath = p.metaxyLockPath;
        this.configFile = configFile;
        this.baseDirectory = baseDirectory;
        this.environment = environment;
    }

    // ------------------------------------------------------------------ loading and the global configuration

    /** A loader for full control over file, discovery start, environment and overrides. */
    public static ConfigLoader loader() {
        return new ConfigLoader();
    }

    /** Discovers and loads the configuration from the working directory and the process environment; sets it globally. */
    public static MetaxyConfig load() {
        return load(null);
    }

    /** Loads {@code configFile} (null: discover; {@code METAXY_CONFIG} wins) and sets it globally. */
    public static MetaxyConfig load(Path configFile) {
        MetaxyConfig config = loader().configFile(configFile).load();
        set(config);
        return config;
    }

    /**
     * Loads the configuration (see {@link #load(Path)}), sets it globally and loads its features
     * ({@link #graph()}), as Python's {@code metaxy.init} does.
     */
    public static MetaxyConfig init(Path configFile) {
        MetaxyConfig config = load(configFile);
        config.graph();
        return config;
    }

    /** Sets {@code config} globally and loads its features. */
    public static MetaxyConfig init(MetaxyConfig config) {
        set(config);
        config.graph();
        return config;
    }

    /**
     * A configuration from TOML text (no file, no global state): {@code extend} and relative paths resolve against
     * {@code baseDir}, and {@code env} supplies {@code ${VAR}} values and {@code METAXY_*} overrides.
     */
    public static MetaxyConfig fromToml(String toml, Path baseDir, Map<String, String> env) {
        return ConfigLoader.fromToml(toml, baseDir, env);
    }

    /** The thread's {@link #use() scoped} configuration, else the global one, else {@link #load()} (once). */
    public static MetaxyConfig get() {
        MetaxyConfig scoped = SCOPED.get();
        if (scoped != null) {
            return scoped;
        }
        MetaxyConfig current = global;
        if (current == null) {
            synchronized (LOCK) {
                if (global == null) {
                    global = loader().load();
                }
                current = global;
            }
        }
        return current;
    }

    /**
     * The thread's {@link #use() scoped} configuration, else the global one, without loading one: empty when none is
     * set (a library user who builds stores by hand).
     */
    public static Optional<MetaxyConfig> current() {
        MetaxyConfig scoped = SCOPED.get();
        return Optional.ofNullable(scoped != null ? scoped : global);
    }

    /** Replaces the global configuration (null clears it). */
    public static void set(MetaxyConfig config) {
        synchronized (LOCK) {
            global = config;
        }
    }

    public static boolean isSet() {
        return global != null;
    }

    /** Clears the global configuration so the next {@link #get()} loads again. */
    public static void reset() {
        set(null);
    }

    /** Makes this configuration the current thread's {@link #get()} result until the returned scope is closed. */
    public Scope use() {
        MetaxyConfig previous = SCOPED.get();
        SCOPED.set(this);
        return () -> {
            if (previous == null) {
                SCOPED.remove();
            } else {
                SCOPED.set(previous);
            }
        };
    }

    /** A thread-local override opened by {@link #use()}. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    // ------------------------------------------------------------------ stores and features

    /** Creates the store {@code name} (null: the default {@link #store()}) over {@link #graph()}. Not opened. */
    public MetadataStore getStore(String name) {
        return getStore(name, graph());
    }

    /** Creates the store {@code name} (null: the default store) over {@code graph}. Each call creates a new instance. */
    public MetadataStore getStore(String name, FeatureGraph graph) {
        return new StoreFactory(this).create(name, graph);
    }

    /** Like {@link #getStore(String)}, failing unless the store is a {@code type}. */
    public <T extends MetadataStore> T getStore(String name, Class<T> type) {
        MetadataStore created = getStore(name);
        if (!type.isInstance(created)) {
            throw new ConfigException("Store '" + (name == null ? store : name) + "' is not of type '" + type.getSimpleName() + "'",
                configFile);
        }
        return type.cast(created);
    }

    /** A new graph holding the features of the {@linkplain Entrypoints entrypoints}, with this config's truncation. */
    public FeatureGraph loadGraph() {
        return Entrypoints.load(this);
    }

    /** The JSON definition file a feature of this configuration's entrypoints was loaded from, if any. */
    public Optional<Path> definitionFile(FeatureKey key) {
        return Optional.ofNullable(definitionFiles.get(key));
    }

    void recordDefinitionFile(FeatureKey key, Path file) {
        definitionFiles.put(key, file);
    }

    /** The graph of this configuration, loaded from the entrypoints on first call and then reused. */
    public synchronized FeatureGraph graph() {
        if (graph == null) {
            graph = loadGraph();
        }
        return graph;
    }

    // ------------------------------------------------------------------ values

    public Optional<String> project() {
        return Optional.ofNullable(project);
    }

    /** The default store name ({@code "dev"} unless configured). */
    public String store() {
        return store;
    }

    /** The configured stores by name, in file order. */
    public Map<String, StoreConfig> stores() {
        return stores;
    }

    public List<String> entrypoints() {
        return entrypoints;
    }

    public String theme() {
        return theme;
    }

    /** Per-integration settings ({@code [ext.<name>]}), values as read. */
    public Map<String, Map<String, Object>> ext() {
        return ext;
    }

    /** Names of the {@code ext} entries with {@code enable = true}. */
    public Set<String> plugins() {
        Set<String> out = new LinkedHashSet<>();
        ext.forEach((name, t) -> {
            if (t.containsKey("enable") && Coerce.bool(t.get("enable"), "ext." + name + ".enable", configFile)) {
                out.add(name);
            }
        });
        return Collections.unmodifiableSet(out);
    }

    public int hashTruncationLength() {
        return hashTruncationLength;
    }

    /** {@link #hashTruncationLength()} as a {@link Truncation}. */
    public Truncation truncation() {
        return Truncation.of(hashTruncationLength);
    }

    public boolean enableMapDatatype() {
        return enableMapDatatype;
    }

    /** The default for stores' {@code auto_create_tables}. */
    public boolean autoCreateTables() {
        return autoCreateTables;
    }

    public Optional<Boolean> locked() {
        return Optional.ofNullable(locked);
    }

    public boolean sync() {
        return sync;
    }

    public List<FeatureSelectionConfig> extraFeatures() {
        return extraFeatures;
    }

    public Optional<String> metaxyLockPath() {
        return Optional.ofNullable(metaxyLockPath);
    }

    /** The absolute path of the loaded file (the child of an {@code extend} chain), if any. */
    public Optional<Path> configFile() {
        return Optional.ofNullable(configFile);
    }

    /** The directory relative paths resolve against: the config file's, else the base/start directory. */
    public Path baseDirectory() {
        return baseDirectory;
    }

    /** The lock file: {@code metaxy_lock_path} (relative to the config directory) or {@code <config dir>/metaxy.lock}. */
    public Optional<Path> lockFile() {
        if (metaxyLockPath != null && Path.of(metaxyLockPath).isAbsolute()) {
            return Optional.of(Path.of(metaxyLockPath));
        }
        return configFile().map(f -> f.getParent().resolve(metaxyLockPath == null ? "metaxy.lock" : metaxyLockPath));
    }

    /**
     * The environment this configuration was loaded with (the process's unless the loader was given another; the CLI
     * adds {@code ./.env}). Stores that read settings from environment variables, such as object-store credentials,
     * take them from here.
     */
    public Map<String, String> environment() {
        return environment;
    }

    @Override
    public String toString() {
        return "MetaxyConfig(file=" + configFile + ", project=" + project + ", store=" + store + ", stores=" + stores.keySet() + ")";
    }
}
