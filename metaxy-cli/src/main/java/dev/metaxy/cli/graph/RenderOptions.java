package dev.metaxy.cli.graph;

import dev.metaxy.cli.NonNegative;
import dev.metaxy.graph.render.RenderConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The display and focus options of {@code graph render}, as a picocli mixin that builds a {@link RenderConfig}. */
public final class RenderOptions {
    @Option(names = "--show-fields", negatable = true, defaultValue = "true", fallbackValue = "true", arity = "0..1",
        description = "Show field-level details within features (default: true)")
    boolean showFields;

    @Option(names = "--show-feature-versions", negatable = true, defaultValue = "true", fallbackValue = "true", arity = "0..1",
        description = "Show feature version hashes (default: true)")
    boolean showFeatureVersions;

    @Option(names = "--show-field-versions", negatable = true, defaultValue = "true", fallbackValue = "true", arity = "0..1",
        description = "Show field version hashes; needs --show-fields (default: true)")
    boolean showFieldVersions;

    @Option(names = "--show-code-versions", negatable = true, defaultValue = "false", fallbackValue = "true", arity = "0..1",
        description = "Show feature and field code versions (default: false)")
    boolean showCodeVersions;

    @Option(names = "--show-project-version", negatable = true, defaultValue = "true", fallbackValue = "true", arity = "0..1",
        description = "Show the project version in the output (default: true)")
    boolean showProjectVersion;

    @Option(names = "--hash-length", paramLabel = "N", defaultValue = "8", converter = NonNegative.class,
        description = "Characters of version hashes to show, 0 for full (default: 8)")
    int hashLength;

    @Option(names = "--direction", paramLabel = "TB|LR", defaultValue = "TB", description = "Layout direction (default: TB)")
    String direction;

    @Mixin
    FocusOptions focus;

    @Option(names = "--project", paramLabel = "P",
        description = "Only features of this project and their direct dependencies (default: the context project)")
    String project;

    @Option(names = "--show-projects", negatable = true, defaultValue = "true", fallbackValue = "true", arity = "0..1",
        description = "Show project names in feature nodes (default: true)")
    boolean showProjects;

    @Option(names = "--title", paramLabel = "T", description = "Custom title (default: 'Feature Graph')")
    String title;

    /** The configuration these options describe (no presets). */
    RenderConfig toConfig() {
        return RenderConfig.defaults()
            .withFields(showFields, showFeatureVersions, showFieldVersions, showCodeVersions, showProjectVersion)
            .withHashLength(hashLength).withDirection(direction).withFocus(focus.feature, focus.up, focus.down)
            .withShowProjects(showProjects).withTitle(title).withProject(project);
    }
}
