package dev.metaxy.cli;

import dev.metaxy.config.DotEnv;
import dev.metaxy.config.MetaxyConfig;
import dev.metaxy.definition.FeatureDefinition;
import dev.metaxy.external.ExternalFeatures;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.MetadataStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every subcommand needs: the loaded configuration, the feature graph from its entrypoints, the project in
 * effect, stores by name, and the output streams. Everything is loaded on first use and closed at exit.
 */
public final class CliContext implements AutoCloseable {
    private final MetaxyCli options;
    private final Map<String, String> environment;
    private final Path workingDir;
    private final PrintWriter out;
    private final PrintWriter err;
    private final List<MetadataStore> opened = new ArrayList<>();
    private MetaxyConfig config;
    private final boolean configWasSet = MetaxyConfig.isSet();

    CliContext(MetaxyCli options, Map<String, String> environment, Path workingDir, PrintWriter out, PrintWriter err) {
        this.options = options;
        this.environment = environment;
        this.workingDir = workingDir;
        this.out = out;
        this.err = err;
    }

    static Map<String, String> withDotEnv(Map<String, String> env, Path workingDir) {
        Path file = workingDir.resolve(".env");
        return Files.isRegularFile(file) ? DotEnv.overlay(env, file) : env;
    }

    /** The configuration: {@code --config-file}, {@code METAXY_CONFIG}, or discovered from the working directory. */
    public synchronized MetaxyConfig config() {
        if (config == null) {
            var loader = MetaxyConfig.loader().environment(environment).startDirectory(workingDir).searchParents(true);
            if (options.configFile != null) {
                loader = loader.configFile(workingDir.resolve(options.configFile));
            }
            config = loader.load();
            MetaxyConfig.set(config);
        }
        return config;
    }

    /**
     * {@code --sync}: loads the external features' definitions (and {@code extra_features}) from the default store
     * into the graph; with {@code locked} (or {@code locked = true}) a version mismatch is an error.
     */
    void syncExternalFeatures(boolean locked) {
        FeatureGraph g = graph();
        try (MetadataStore s = store(null, g).open(AccessMode.READ)) {
            ExternalFeatures.sync(s, null, locked ? FeatureDefinition.VersionMismatch.ERROR : null);
        }
    }

    /** The feature graph loaded from the configuration's entrypoints. */
    public FeatureGraph graph() {
        return config().graph();
    }

    /** The project in effect: null with {@code --all-projects}, else {@code --project} or the config's. */
    public Optional<String> project() {
        if (options.allProjects) {
            return Optional.empty();
        }
        return options.project != null ? Optional.of(options.project) : config().project();
    }

    /** True when {@code --project} or {@code --all-projects} was given. */
    public boolean projectOverridden() {
        return options.project != null || options.allProjects;
    }

    public boolean allProjects() {
        return options.allProjects;
    }

    /** The named store (null: the config's default store), not yet opened; closed when the command ends. */
    public MetadataStore store(String name) {
        return store(name, graph());
    }

    /** Like {@link #store(String)}, over {@code graph} instead of the configuration's graph. */
    public MetadataStore store(String name, FeatureGraph graph) {
        MetadataStore s = config().getStore(name, graph);
        opened.add(s);
        return s;
    }

    public Map<String, String> environment() {
        return environment;
    }

    public Path workingDir() {
        return workingDir;
    }

    /** Writes {@code text} to {@code file} (relative to the working directory); fails with one line. */
    public void writeText(Path file, String text) {
        try {
            java.nio.file.Files.writeString(workingDir.resolve(file), text, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new CliException("Failed to write to file: " + e.getMessage());
        }
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    @Override
    public void close() {
        for (MetadataStore s : opened) {
            while (s.isOpen()) {
                s.close();
            }
        }
        opened.clear();
        if (config != null && !configWasSet) {
            MetaxyConfig.reset();
        }
        out.flush();
        err.flush();
    }
}
