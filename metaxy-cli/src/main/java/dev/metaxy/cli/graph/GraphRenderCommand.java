package dev.metaxy.cli.graph;

import dev.metaxy.cli.CliException;
import dev.metaxy.cli.ContextCommand;
import dev.metaxy.cli.ProjectVersion;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.graph.render.CardsRenderer;
import dev.metaxy.graph.render.GraphData;
import dev.metaxy.graph.render.GraphRenderer;
import dev.metaxy.graph.render.GraphvizRenderer;
import dev.metaxy.graph.render.MermaidRenderer;
import dev.metaxy.graph.render.RenderConfig;
import dev.metaxy.graph.render.TerminalRenderer;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.MetadataStoreException;
import dev.metaxy.system.GraphSnapshots;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code metaxy graph render}: the current graph (or a pushed snapshot) as a terminal tree or cards, Mermaid or
 * Graphviz DOT, to stdout or {@code --output}. Validation errors and status lines go to stderr.
 */
@Command(name = "render", description = "Render feature graph visualization.", mixinStandardHelpOptions = true)
public final class GraphRenderCommand extends ContextCommand implements Callable<Integer> {
    private static final List<String> FORMATS = List.of("terminal", "mermaid", "graphviz");

    @Option(names = {"-f", "--format"}, defaultValue = "terminal", description = "terminal, mermaid or graphviz")
    String format;

    @Option(names = {"-t", "--type"}, defaultValue = "graph", description = "Terminal rendering: graph or cards")
    String type;

    @Option(names = {"-o", "--output"}, paramLabel = "PATH", description = "Output file (default: stdout)")
    Path output;

    @Option(names = "--snapshot", paramLabel = "V", description = "Project version to render (default: the current graph)")
    String snapshot;

    @Option(names = "--store", paramLabel = "S", description = "Metadata store for --snapshot")
    String store;

    @Option(names = "--minimal", description = "Only feature keys, fields and dependencies")
    boolean minimal;

    @Option(names = "--verbose", description = "Everything, with full hashes and code versions")
    boolean verbose;

    @Mixin
    RenderOptions options;

    @Override
    public Integer call() {
        PrintWriter err = context().err();
        if (!FORMATS.contains(format)) {
            throw new CliException("Invalid format '" + format + "'. Must be one of: " + String.join(", ", FORMATS));
        }
        if (!type.equals("graph") && !type.equals("cards")) {
            throw new CliException("Invalid type '" + type + "'. Must be one of: graph, cards");
        }
        if (!type.equals("graph") && !format.equals("terminal")) {
            throw new CliException("--type can only be used with --format terminal");
        }
        if (minimal && verbose) {
            throw new CliException("Cannot specify both --minimal and --verbose");
        }
        RenderConfig config = options.toConfig();
        config = minimal ? config.minimal() : verbose ? config.verbose() : config;
        if (!config.direction().equals("TB") && !config.direction().equals("LR")) {
            throw new CliException("Invalid direction '" + config.direction() + "'. Must be TB or LR.");
        }
        if ((config.up() != null || config.down() != null) && config.feature() == null) {
            throw new CliException("--up and --down require --feature to be specified");
        }
        if (!config.showFields() && config.showFieldVersions()) {
            config = config.withFields(false, config.showFeatureVersions(), false, config.showCodeVersions(),
                config.showProjectVersion());
        }
        if (config.project() == null) {
            config = config.withProject(context().project().orElse(null));
        }
        FeatureGraph graph;
        if (snapshot == null) {
            graph = context().graph();
            FeatureKey focus = config.featureKey();
            if (focus != null && !graph.contains(focus)) {
                err.println("Error: Feature '" + config.feature() + "' not found in graph");
                err.println();
                err.println("Available features:");
                graph.keys().stream().map(FeatureKey::toString).sorted().forEach(k -> err.println("  • " + k));
                return 1;
            }
            if (graph.size() == 0) {
                err.println("Warning: Graph is empty (no features found)");
                if (output != null) {
                    write("");
                }
                return 0;
            }
        } else {
            graph = loadSnapshot(err);
            if (graph == null) {
                return 1;
            }
        }
        GraphData data = GraphData.of(graph, ProjectVersion.of(context(), graph));
        String rendered = renderer(data, config).render();
        if (output != null) {
            write(rendered);
            err.println("✓ Rendered graph saved to: " + output);
        } else {
            context().out().println(rendered);
        }
        return 0;
    }

    private FeatureGraph loadSnapshot(PrintWriter err) {
        try (MetadataStore s = context().store(store).open(AccessMode.READ)) {
            FeatureGraph graph = new GraphSnapshots(s).loadGraph(snapshot, context().config().truncation());
            err.println("✓ Loaded " + graph.size() + " features from snapshot " + snapshot);
            return graph;
        } catch (MetadataStoreException e) {
            err.println("✗ Snapshot error: " + e.getMessage());
            return null;
        } catch (RuntimeException e) {
            err.println("✗ Failed to load snapshot: " + e.getMessage());
            return null;
        }
    }

    private GraphRenderer renderer(GraphData data, RenderConfig config) {
        return switch (format) {
            case "mermaid" -> new MermaidRenderer(data, config);
            case "graphviz" -> new GraphvizRenderer(data, config);
            default -> type.equals("cards") ? new CardsRenderer(data, config) : new TerminalRenderer(data, config);
        };
    }

    private void write(String text) {
        context().writeText(output, text);
    }
}
