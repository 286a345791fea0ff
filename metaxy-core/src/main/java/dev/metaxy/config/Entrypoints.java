package dev.metaxy.config;

import dev.metaxy.definition.DefinitionJson;
import dev.metaxy.definition.Feature;
import dev.metaxy.definition.FeatureDefinition;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.external.LockFile;
import dev.metaxy.graph.FeatureGraph;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Loads features named by entrypoints into a graph (§C.12): first the config's {@code entrypoints}, then every
 * environment variable whose name starts with {@code METAXY_ENTRYPOINT} (by name; comma-separated lists), except
 * {@code METAXY_ENTRYPOINTS}, which is the JSON-valued {@code entrypoints} field itself.
 *
 * <p>An entry ending in {@code .json} is a definition file in Python's canonical spec JSON, relative to the config
 * file's directory. Any other entry is a Java class name, loaded (and initialised) from the context class loader:
 * <ol>
 *   <li>a class implementing {@link Feature} registers itself (its static {@code SPEC});</li>
 *   <li>otherwise a {@code public static} no-argument {@code features()} method returning a collection of
 *       {@link FeatureSpec}s, {@link FeatureDefinition}s and/or {@link Feature} classes registers those, in order;</li>
 *   <li>otherwise its public nested classes implementing {@link Feature} register, sorted by simple name.</li>
 * </ol>
 * Features without a project get the configured {@code project}. The lock file ({@code metaxy.lock}) is loaded
 * first, as external placeholders.
 */
final class Entrypoints {
    static final String ENV_PREFIX = "METAXY_ENTRYPOINT";

    private final MetaxyConfig config;
    private final FeatureGraph graph;
    private final Path file;

    private Entrypoints(MetaxyConfig config, FeatureGraph graph) {
        this.config = config;
        this.graph = graph;
        this.file = config.configFile().orElse(null);
    }

    static FeatureGraph load(MetaxyConfig config) {
        FeatureGraph graph = new FeatureGraph(config.truncation());
        loadLockFile(config, graph);
        Entrypoints loader = new Entrypoints(config, graph);
        config.entrypoints().forEach(loader::load);
        new TreeMap<>(config.environment()).forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && !name.equals("METAXY_ENTRYPOINTS")) {
                Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(loader::load);
            }
        });
        return graph;
    }

    /**
     * The lock file's definitions, as external placeholders, before any entrypoint (so features defined here replace
     * them). A missing file is fine; a warning says so only when {@code metaxy_lock_path} names it explicitly.
     */
    private static void loadLockFile(MetaxyConfig config, FeatureGraph graph) {
        Path lock = config.lockFile().orElse(null);
        if (lock == null) {
            return;
        }
        if (!Files.exists(lock)) {
            if (config.metaxyLockPath().isPresent()) {
                MetaxyWarnings.warn("Lock file not found at " + lock + ". External features from the lock file will not be "
                    + "loaded. Run `metaxy lock` to generate it.");
            }
            return;
        }
        LockFile.read(lock).externalDefinitions().forEach(graph::register);
    }

    private void load(String entry) {
        try {
            if (entry.endsWith(".json")) {
                loadJson(config.baseDirectory().resolve(entry));
            } else {
                loadClass(entry);
            }
        } catch (ConfigException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConfigException("Error loading entrypoint '" + entry + "': " + e.getMessage(), file, e);
        }
    }

    private void loadJson(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new ConfigException("Entrypoint definition file does not exist: " + path, file);
        }
        DefinitionJson.readFile(path).forEach(def -> {
            register(def);
            config.recordDefinitionFile(def.key(), path);
        });
    }

    private void loadClass(String name) {
        Class<?> type;
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            type = Class.forName(name, true, loader == null ? Entrypoints.class.getClassLoader() : loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ConfigException("Failed to import entrypoint module '" + name + "': class not found on the classpath ("
                + e + ")", file, e);
        }
        if (Feature.class.isAssignableFrom(type)) {
            registerClass(type);
            return;
        }
        Method features = featuresMethod(type);
        if (features != null) {
            invoke(features, name).forEach(item -> registerItem(item, name));
            return;
        }
        List<Class<?>> nested = new ArrayList<>(Arrays.asList(type.getClasses()));
        nested.removeIf(c -> !Feature.class.isAssignableFrom(c) || c.isInterface() || Modifier.isAbstract(c.getModifiers()));
        if (nested.isEmpty()) {
            throw new ConfigException("Entrypoint class '" + name + "' declares no features: expected a class implementing "
                + "dev.metaxy.definition.Feature, a public static features() method, or public nested Feature classes", file);
        }
        nested.sort(Comparator.comparing(Class::getSimpleName));
        nested.forEach(this::registerClass);
    }

    private static Method featuresMethod(Class<?> type) {
        try {
            Method m = type.getMethod("features");
            return Modifier.isStatic(m.getModifiers()) && Collection.class.isAssignableFrom(m.getReturnType()) ? m : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private Collection<?> invoke(Method m, String name) {
        try {
            Collection<?> result = (Collection<?>) m.invoke(null);
            if (result == null) {
                throw new ConfigException("Entrypoint '" + name + "': features() returned null", file);
            }
            return result;
        } catch (IllegalAccessException e) {
            throw new ConfigException("Entrypoint '" + name + "': cannot call features(): " + e.getMessage(), file, e);
        } catch (InvocationTargetException e) {
            throw new ConfigException("Error loading entrypoint module '" + name + "': " + e.getCause(), file, e.getCause());
        }
    }

    private void registerItem(Object item, String name) {
        if (item instanceof FeatureSpec spec) {
            register(FeatureDefinition.of(spec));
        } else if (item instanceof FeatureDefinition def) {
            register(def);
        } else if (item instanceof Class<?> c && Feature.class.isAssignableFrom(c)) {
            registerClass(c);
        } else {
            throw new ConfigException("Entrypoint '" + name + "': features() returned " + item
                + "; expected FeatureSpec, FeatureDefinition or a Feature class", file);
        }
    }

    @SuppressWarnings("unchecked")
    private void registerClass(Class<?> type) {
        graph.register((Class<? extends Feature>) type, config.project().orElse(null));
    }

    private void register(FeatureDefinition def) {
        graph.register(def.project().isEmpty() && config.project().isPresent() ? def.withProject(config.project().get()) : def);
    }
}
